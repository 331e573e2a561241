internal import CLibvirt

/// A libvirt storage pool (`virStoragePoolPtr`), freed when the last reference goes.
///
/// Name and UUID are read once at creation from the handle itself, without a round trip.
// @unchecked Sendable: the handle is set once and never mutated here. libvirt reference counts its
// objects and its public API is thread safe, so the handle may be used from any thread.
public final class LibvirtStoragePool: @unchecked Sendable {
    /// The pool's name.
    public let name: String
    /// The pool's UUID, lower case with dashes.
    public let uuid: String

    let handle: OpaquePointer
    let connection: LibvirtConnection

    /// Takes ownership of a handle libvirt returned.
    init(adopting handle: OpaquePointer, connection: LibvirtConnection) {
        self.handle = handle
        self.connection = connection
        self.name = CString.borrow(virStoragePoolGetName(handle))
        self.uuid = CString.uuid { virStoragePoolGetUUIDString(handle, $0) }
    }

    deinit {
        virStoragePoolFree(handle)
    }

    /// The pool's XML: the persistent definition when `inactive`, else the live one (`virStoragePoolGetXMLDesc`).
    public func xml(inactive: Bool) throws(LibvirtError) -> String {
        let flags = inactive ? VIR_STORAGE_XML_INACTIVE.rawValue : 0
        return try Check.withFallback(flags, else: 0) { (flags) throws(LibvirtError) in
            try Check.string("virStoragePoolGetXMLDesc", virStoragePoolGetXMLDesc(handle, flags))
        }
    }

    /// Whether the pool runs (`virStoragePoolIsActive`).
    public func isActive() throws(LibvirtError) -> Bool {
        try Check.status("virStoragePoolIsActive", virStoragePoolIsActive(handle)) == 1
    }

    /// Whether the pool starts with the host (`virStoragePoolGetAutostart`).
    public func autostart() throws(LibvirtError) -> Bool {
        var on: Int32 = 0
        try Check.status("virStoragePoolGetAutostart", virStoragePoolGetAutostart(handle, &on))
        return on != 0
    }

    /// Marks the pool to start with the host, or not (`virStoragePoolSetAutostart`).
    public func setAutostart(_ on: Bool) throws(LibvirtError) {
        try connection.write("virStoragePoolSetAutostart") { virStoragePoolSetAutostart(handle, on ? 1 : 0) }
    }
}
