internal import CLibvirt

extension LibvirtConnection {
    /// All storage pools, in one call (`virConnectListAllStoragePools`).
    public func listStoragePools() throws(LibvirtError) -> [LibvirtStoragePool] {
        try CString.adoptHandles("virConnectListAllStoragePools") { virConnectListAllStoragePools(handle, $0, 0) }
            .map { LibvirtStoragePool(adopting: $0, connection: self) }
    }

    /// The storage pool with this name, or nil when there is none (`virStoragePoolLookupByName`).
    public func lookupStoragePool(name: String) throws(LibvirtError) -> LibvirtStoragePool? {
        try lookup { () throws(LibvirtError) in
            let pool = try Check.handle("virStoragePoolLookupByName", virStoragePoolLookupByName(handle, name))
            return LibvirtStoragePool(adopting: pool, connection: self)
        }
    }

    /// Defines (or redefines) a persistent storage pool (`virStoragePoolDefineXML`); it is neither built
    /// nor started. With `validate`, libvirtd checks the XML against its schema first
    /// (`VIR_STORAGE_POOL_DEFINE_VALIDATE`).
    public func defineStoragePool(xml: String, validate: Bool = false) throws(LibvirtError) -> LibvirtStoragePool {
        let flags = validate ? VIR_STORAGE_POOL_DEFINE_VALIDATE.rawValue : 0
        let pool = try writeHandle("virStoragePoolDefineXML") { virStoragePoolDefineXML(handle, xml, flags) }
        return LibvirtStoragePool(adopting: pool, connection: self)
    }

    /// The volume at this path in any pool, or nil when there is none (`virStorageVolLookupByPath`).
    public func lookupVolume(path: String) throws(LibvirtError) -> LibvirtStorageVolume? {
        try lookup { () throws(LibvirtError) in
            let volume = try Check.handle("virStorageVolLookupByPath", virStorageVolLookupByPath(handle, path))
            return LibvirtStorageVolume(adopting: volume, connection: self)
        }
    }
}
