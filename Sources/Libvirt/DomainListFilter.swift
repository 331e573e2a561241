internal import CLibvirt

/// Which domains `LibvirtConnection.listDomains(_:)` returns; the empty set returns all.
///
/// Flags of one pair (active/inactive, autostart/noAutostart) combine as "either".
public struct DomainListFilter: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Running or paused domains.
    public static let active = DomainListFilter(rawValue: VIR_CONNECT_LIST_DOMAINS_ACTIVE.rawValue)
    /// Shut off domains.
    public static let inactive = DomainListFilter(rawValue: VIR_CONNECT_LIST_DOMAINS_INACTIVE.rawValue)
    /// Domains marked to start with the host.
    public static let autostart = DomainListFilter(rawValue: VIR_CONNECT_LIST_DOMAINS_AUTOSTART.rawValue)
    /// Domains not marked to start with the host.
    public static let noAutostart = DomainListFilter(rawValue: VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART.rawValue)
    /// Domains with a persistent definition.
    public static let persistent = DomainListFilter(rawValue: VIR_CONNECT_LIST_DOMAINS_PERSISTENT.rawValue)
}
