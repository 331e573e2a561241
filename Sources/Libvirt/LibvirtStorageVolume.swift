internal import CLibvirt

/// A libvirt storage volume (`virStorageVolPtr`), freed when the last reference goes.
///
/// Name and key are read once at creation from the handle itself, without a round trip.
// @unchecked Sendable: the handle is set once and never mutated here. libvirt reference counts its
// objects and its public API is thread safe, so the handle may be used from any thread.
public final class LibvirtStorageVolume: @unchecked Sendable {
    /// The volume's name within its pool.
    public let name: String
    /// The volume's key, unique on the host (for file volumes, usually the path).
    public let key: String

    let handle: OpaquePointer
    let connection: LibvirtConnection

    /// Takes ownership of a handle libvirt returned.
    init(adopting handle: OpaquePointer, connection: LibvirtConnection) {
        self.handle = handle
        self.connection = connection
        self.name = CString.borrow(virStorageVolGetName(handle))
        self.key = CString.borrow(virStorageVolGetKey(handle))
    }

    deinit {
        virStorageVolFree(handle)
    }

    /// The volume's path on the host; one round trip to libvirt (`virStorageVolGetPath`).
    public var path: String {
        get throws(LibvirtError) {
            try Check.string("virStorageVolGetPath", virStorageVolGetPath(handle))
        }
    }

    /// The volume's XML (`virStorageVolGetXMLDesc`).
    public func xml() throws(LibvirtError) -> String {
        try Check.string("virStorageVolGetXMLDesc", virStorageVolGetXMLDesc(handle, 0))
    }

    /// Capacity and allocation (`virStorageVolGetInfo`).
    public func info() throws(LibvirtError) -> VolumeInfo {
        var info = virStorageVolInfo()
        try Check.status("virStorageVolGetInfo", virStorageVolGetInfo(handle, &info))
        return VolumeInfo(capacity: info.capacity, allocation: info.allocation)
    }

    /// Deletes the volume and its data (`virStorageVolDelete`).
    public func delete() throws(LibvirtError) {
        try connection.write("virStorageVolDelete") { virStorageVolDelete(handle, 0) }
    }

    /// Grows the volume to `capacity` bytes (`virStorageVolResize`, flags 0). Shrinking is refused by
    /// libvirt, and deliberately so: `VIR_STORAGE_VOL_RESIZE_SHRINK` is never passed, to keep data safe.
    public func resize(capacity: UInt64) throws(LibvirtError) {
        try connection.write("virStorageVolResize") { virStorageVolResize(handle, capacity, 0) }
    }
}
