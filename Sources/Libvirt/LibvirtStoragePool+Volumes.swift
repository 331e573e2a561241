internal import CLibvirt

extension LibvirtStoragePool {
    /// The pool's volumes, in one call (`virStoragePoolListAllVolumes`); the pool must be active.
    public func listVolumes() throws(LibvirtError) -> [LibvirtStorageVolume] {
        try CString.adoptHandles("virStoragePoolListAllVolumes") { virStoragePoolListAllVolumes(handle, $0, 0) }
            .map { LibvirtStorageVolume(adopting: $0, connection: connection) }
    }

    /// The volume with this name in the pool, or nil when there is none (`virStorageVolLookupByName`).
    public func lookupVolume(name: String) throws(LibvirtError) -> LibvirtStorageVolume? {
        try connection.lookup { () throws(LibvirtError) in
            let volume = try Check.handle("virStorageVolLookupByName", virStorageVolLookupByName(handle, name))
            return LibvirtStorageVolume(adopting: volume, connection: connection)
        }
    }

    /// Creates a volume in the pool from its XML (`virStorageVolCreateXML`).
    public func createVolume(xml: String) throws(LibvirtError) -> LibvirtStorageVolume {
        let volume = try connection.writeHandle("virStorageVolCreateXML") { virStorageVolCreateXML(handle, xml, 0) }
        return LibvirtStorageVolume(adopting: volume, connection: connection)
    }

    /// Creates a volume in the pool from its XML, filled with a copy of `source`,
    /// which may live in another pool (`virStorageVolCreateXMLFrom`).
    public func createVolume(
        xml: String,
        from source: LibvirtStorageVolume
    ) throws(LibvirtError) -> LibvirtStorageVolume {
        let volume = try connection.writeHandle("virStorageVolCreateXMLFrom") {
            virStorageVolCreateXMLFrom(handle, xml, source.handle, 0)
        }
        return LibvirtStorageVolume(adopting: volume, connection: connection)
    }
}
