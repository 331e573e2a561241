internal import CLibvirt

/// A domain's run state, as `virDomainGetState` reports it.
public enum DomainState: String, Sendable {
    case noState, running, blocked, paused, shuttingDown, shutoff, crashed, suspended

    /// Maps a `virDomainState` value; values newer than libvirt 9.0 read as `.noState`.
    init(cValue: Int32) {
        switch UInt32(bitPattern: cValue) {
        case VIR_DOMAIN_RUNNING.rawValue: self = .running
        case VIR_DOMAIN_BLOCKED.rawValue: self = .blocked
        case VIR_DOMAIN_PAUSED.rawValue: self = .paused
        case VIR_DOMAIN_SHUTDOWN.rawValue: self = .shuttingDown
        case VIR_DOMAIN_SHUTOFF.rawValue: self = .shutoff
        case VIR_DOMAIN_CRASHED.rawValue: self = .crashed
        case VIR_DOMAIN_PMSUSPENDED.rawValue: self = .suspended
        default: self = .noState
        }
    }
}
