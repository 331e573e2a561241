internal import CLibvirt

/// A libvirt virtual network (`virNetworkPtr`), freed when the last reference goes.
///
/// Name and UUID are read once at creation from the handle itself, without a round trip.
// @unchecked Sendable: the handle is set once and never mutated here. libvirt reference counts its
// objects and its public API is thread safe, so the handle may be used from any thread.
public final class LibvirtNetwork: @unchecked Sendable {
    /// The network's name.
    public let name: String
    /// The network's UUID, lower case with dashes.
    public let uuid: String

    let handle: OpaquePointer
    let connection: LibvirtConnection

    /// Takes ownership of a handle libvirt returned.
    init(adopting handle: OpaquePointer, connection: LibvirtConnection) {
        self.handle = handle
        self.connection = connection
        self.name = CString.borrow(virNetworkGetName(handle))
        self.uuid = CString.uuid { virNetworkGetUUIDString(handle, $0) }
    }

    deinit {
        virNetworkFree(handle)
    }

    /// The network's XML: the persistent definition when `inactive`, else the live one (`virNetworkGetXMLDesc`).
    public func xml(inactive: Bool) throws(LibvirtError) -> String {
        let flags = inactive ? VIR_NETWORK_XML_INACTIVE.rawValue : 0
        return try Check.withFallback(flags, else: 0) { (flags) throws(LibvirtError) in
            try Check.string("virNetworkGetXMLDesc", virNetworkGetXMLDesc(handle, flags))
        }
    }

    /// Whether the network runs (`virNetworkIsActive`).
    public func isActive() throws(LibvirtError) -> Bool {
        try Check.status("virNetworkIsActive", virNetworkIsActive(handle)) == 1
    }

    /// Whether the network starts with the host (`virNetworkGetAutostart`).
    public func autostart() throws(LibvirtError) -> Bool {
        var on: Int32 = 0
        try Check.status("virNetworkGetAutostart", virNetworkGetAutostart(handle, &on))
        return on != 0
    }

    /// Marks the network to start with the host, or not (`virNetworkSetAutostart`).
    public func setAutostart(_ on: Bool) throws(LibvirtError) {
        try connection.write("virNetworkSetAutostart") { virNetworkSetAutostart(handle, on ? 1 : 0) }
    }

    /// Starts the defined network (`virNetworkCreate`).
    public func start() throws(LibvirtError) {
        try connection.write("virNetworkCreate") { virNetworkCreate(handle) }
    }

    /// Stops the network (`virNetworkDestroy`).
    public func destroy() throws(LibvirtError) {
        try connection.write("virNetworkDestroy") { virNetworkDestroy(handle) }
    }

    /// Removes the persistent definition; a running network stays up, transient (`virNetworkUndefine`).
    public func undefine() throws(LibvirtError) {
        try connection.write("virNetworkUndefine") { virNetworkUndefine(handle) }
    }
}
