/// One IP address of a domain's network interface, as libvirt reports it.
public struct InterfaceAddress: Sendable, Hashable, Codable {
    /// Where libvirt learned it.
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        /// The DHCP leases of a libvirt network (dnsmasq).
        case lease
        /// The QEMU guest agent inside the guest (answers only when it runs).
        case agent
    }

    /// The interface's name: the host side (`vnet0`) for leases, the guest's own (`eth0`) for the agent.
    public var interface: String
    public var mac: String?
    public var address: String
    public var prefix: Int
    public var ipv6: Bool
    public var source: Source

    public init(interface: String, mac: String?, address: String, prefix: Int, ipv6: Bool, source: Source) {
        self.interface = interface
        self.mac = mac
        self.address = address
        self.prefix = prefix
        self.ipv6 = ipv6
        self.source = source
    }
}
