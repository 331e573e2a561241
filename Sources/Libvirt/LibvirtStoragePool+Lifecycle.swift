internal import CLibvirt

extension LibvirtStoragePool {
    /// Prepares the pool's backing storage, e.g. creates a dir pool's directory (`virStoragePoolBuild`, flags 0).
    public func build() throws(LibvirtError) {
        try connection.write("virStoragePoolBuild") { virStoragePoolBuild(handle, 0) }
    }

    /// Starts the defined pool (`virStoragePoolCreate`).
    public func start() throws(LibvirtError) {
        try connection.write("virStoragePoolCreate") { virStoragePoolCreate(handle, 0) }
    }

    /// Stops the pool; its volumes stay on disk (`virStoragePoolDestroy`).
    public func destroy() throws(LibvirtError) {
        try connection.write("virStoragePoolDestroy") { virStoragePoolDestroy(handle) }
    }

    /// Removes the persistent definition; the storage stays (`virStoragePoolUndefine`).
    public func undefine() throws(LibvirtError) {
        try connection.write("virStoragePoolUndefine") { virStoragePoolUndefine(handle) }
    }

    /// Rescans the pool's storage for volumes made outside libvirt (`virStoragePoolRefresh`).
    public func refresh() throws(LibvirtError) {
        try connection.write("virStoragePoolRefresh") { virStoragePoolRefresh(handle, 0) }
    }
}
