internal import CLibvirt

/// Which copy of an object a change affects: the running one, the persistent definition, or both.
///
/// The empty set means libvirt's "current": live when the object runs, config when not.
/// Used for domains (`VIR_DOMAIN_AFFECT_*`) and for network updates (`VIR_NETWORK_UPDATE_AFFECT_*`).
public struct DomainAffect: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The running object.
    public static let live = DomainAffect(rawValue: 1 << 0)
    /// The persistent definition.
    public static let config = DomainAffect(rawValue: 1 << 1)

    /// The `virDomainModificationImpact` flags.
    var domainFlags: UInt32 {
        var flags = VIR_DOMAIN_AFFECT_CURRENT.rawValue
        if contains(.live) { flags |= VIR_DOMAIN_AFFECT_LIVE.rawValue }
        if contains(.config) { flags |= VIR_DOMAIN_AFFECT_CONFIG.rawValue }
        return flags
    }

    /// The `virNetworkUpdateFlags` flags.
    var networkUpdateFlags: UInt32 {
        var flags = VIR_NETWORK_UPDATE_AFFECT_CURRENT.rawValue
        if contains(.live) { flags |= VIR_NETWORK_UPDATE_AFFECT_LIVE.rawValue }
        if contains(.config) { flags |= VIR_NETWORK_UPDATE_AFFECT_CONFIG.rawValue }
        return flags
    }
}
