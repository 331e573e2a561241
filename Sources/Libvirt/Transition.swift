internal import CLibvirt

/// An object caught between two states by libvirtd, to be waited for rather than acted on: a domain
/// that a client (perhaps one killed meanwhile) asked to start is `paused (starting up)` until libvirtd
/// runs it; a `virDomainResume` sent then fails with "domain is already running".
public struct Transition: Sendable, Hashable, CustomStringConvertible {
    /// libvirt's state and reason, as `virsh domstate --reason` words them.
    public var description: String
}

extension LibvirtDomain {
    /// The transition the domain is in (`virDomainGetState` with its reason), nil when it is settled.
    public func transition() throws(LibvirtError) -> Transition? {
        var state: Int32 = 0
        var reason: Int32 = 0
        try Check.status("virDomainGetState", virDomainGetState(handle, &state, &reason, 0))
        switch UInt32(bitPattern: state) {
        case VIR_DOMAIN_SHUTDOWN.rawValue:
            return Transition(description: "shutting down")
        case VIR_DOMAIN_NOSTATE.rawValue:
            return Transition(description: "no state")
        case VIR_DOMAIN_PAUSED.rawValue:
            return Self.pausedTransitions[UInt32(bitPattern: reason)].map { Transition(description: "paused (\($0))") }
        default:
            return nil
        }
    }

    /// Paused reasons that end on their own: libvirtd is in the middle of a job, not holding the domain.
    private static let pausedTransitions: [UInt32: String] = [
        VIR_DOMAIN_PAUSED_STARTING_UP.rawValue: "starting up",
        VIR_DOMAIN_PAUSED_MIGRATION.rawValue: "migrating",
        VIR_DOMAIN_PAUSED_SAVE.rawValue: "saving",
        VIR_DOMAIN_PAUSED_DUMP.rawValue: "dumping",
        VIR_DOMAIN_PAUSED_SNAPSHOT.rawValue: "snapshot",
        VIR_DOMAIN_PAUSED_SHUTTING_DOWN.rawValue: "shutting down",
        VIR_DOMAIN_PAUSED_POSTCOPY.rawValue: "post-copy migration",
    ]
}

extension LibvirtStoragePool {
    /// `building` while libvirtd builds the pool (`virStoragePoolGetInfo`), nil when it is settled.
    public func transition() throws(LibvirtError) -> Transition? {
        var info = virStoragePoolInfo()
        try Check.status("virStoragePoolGetInfo", virStoragePoolGetInfo(handle, &info))
        return info.state == Int32(VIR_STORAGE_POOL_BUILDING.rawValue) ? Transition(description: "building") : nil
    }
}
