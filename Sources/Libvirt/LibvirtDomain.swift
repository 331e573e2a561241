internal import CLibvirt

/// A libvirt domain (`virDomainPtr`), freed when the last reference goes.
///
/// The name is read once at creation from the handle itself, without a round trip; the UUID when asked
/// (also from the handle: libvirt formats it twice per call, for its debug log and for the answer, which
/// a listing of hundreds of domains felt).
// @unchecked Sendable: the handle is set once and never mutated here. libvirt reference counts its
// objects and its public API is thread safe, so the handle may be used from any thread.
public final class LibvirtDomain: @unchecked Sendable {
    /// The domain's name.
    public let name: String
    /// The domain's UUID, lower case with dashes.
    public var uuid: String { CString.uuid { virDomainGetUUIDString(handle, $0) } }
    /// Whether it ran (or was paused) when libvirt handed out this handle: a running domain has an ID
    /// and an inactive one none, and the ID travels with the handle, so a bulk listing tells every
    /// domain's activity without another round trip.
    public let wasActiveWhenListed: Bool

    let handle: OpaquePointer
    let connection: LibvirtConnection

    /// Takes ownership of a handle libvirt returned.
    init(adopting handle: OpaquePointer, connection: LibvirtConnection) {
        self.handle = handle
        self.connection = connection
        self.name = CString.borrow(virDomainGetName(handle))
        self.wasActiveWhenListed = virDomainGetID(handle) != UInt32.max
    }

    deinit {
        virDomainFree(handle)
    }

    /// The domain's XML: the persistent definition when `inactive`, else the live one (`virDomainGetXMLDesc`).
    ///
    /// With `secure`, security-sensitive values (graphics passwords) are included
    /// (`VIR_DOMAIN_XML_SECURE`): without them a manifest that sets a password would differ forever.
    /// It needs a read-write connection.
    public func xml(inactive: Bool, secure: Bool = false) throws(LibvirtError) -> String {
        var flags = inactive ? VIR_DOMAIN_XML_INACTIVE.rawValue : 0
        if secure { flags |= VIR_DOMAIN_XML_SECURE.rawValue }
        return try Check.string("virDomainGetXMLDesc", virDomainGetXMLDesc(handle, flags))
    }

    /// The domain's run state (`virDomainGetState`).
    public func state() throws(LibvirtError) -> DomainState {
        var state: Int32 = 0
        try Check.status("virDomainGetState", virDomainGetState(handle, &state, nil, 0))
        return DomainState(cValue: state)
    }

    /// Whether the domain runs or is paused (`virDomainIsActive`).
    public func isActive() throws(LibvirtError) -> Bool {
        try Check.status("virDomainIsActive", virDomainIsActive(handle)) == 1
    }

    /// Whether the domain starts with the host (`virDomainGetAutostart`).
    public func autostart() throws(LibvirtError) -> Bool {
        var on: Int32 = 0
        try Check.status("virDomainGetAutostart", virDomainGetAutostart(handle, &on))
        return on != 0
    }

    /// Marks the domain to start with the host, or not (`virDomainSetAutostart`).
    public func setAutostart(_ on: Bool) throws(LibvirtError) {
        try connection.write("virDomainSetAutostart") { virDomainSetAutostart(handle, on ? 1 : 0) }
    }

    /// Removes the persistent definition along with managed save images, snapshot and checkpoint
    /// metadata and NVRAM, which would otherwise make libvirt refuse (`virDomainUndefineFlags`).
    /// A running domain keeps running, transient, until it stops. Drivers that know only the first two
    /// of those flags (libvirt's test driver) get just those.
    public func undefine() throws(LibvirtError) {
        let basic = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE.rawValue | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA.rawValue
        let all = basic | VIR_DOMAIN_UNDEFINE_NVRAM.rawValue | VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA.rawValue
        connection.countWrite()
        try Check.withFallback(all, else: basic) { (flags) throws(LibvirtError) in
            try Check.status("virDomainUndefineFlags", virDomainUndefineFlags(handle, flags))
        }
    }
}
