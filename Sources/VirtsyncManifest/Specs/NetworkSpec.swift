/// A libvirt virtual network (seed 3.1 NAT, 3.2 bridged): `kind: Network`.
public struct NetworkSpec: Sendable, Hashable {
    /// `forward.mode`; no `forward` at all makes an isolated network.
    public enum ForwardMode: String, Sendable, Hashable, CaseIterable {
        case nat, route, bridge, open
    }

    /// `<forward>`: how traffic leaves the network.
    public struct Forward: Sendable, Hashable {
        public var mode: ForwardMode
        /// Host device to forward through (`dev=`), optional.
        public var dev: String?
        /// NAT source port range (`<nat><port start end/>`), seed 3.1 uses 1024–65535.
        public var natPorts: ClosedRange<Int>?
        public init(mode: ForwardMode, dev: String? = nil, natPorts: ClosedRange<Int>? = nil) {
            self.mode = mode
            self.dev = dev
            self.natPorts = natPorts
        }
    }

    /// `<bridge name stp delay>`; for `forward: bridge` the name of an existing host bridge (`br0`).
    public struct Bridge: Sendable, Hashable {
        public var name: String?
        public var stp: Bool?
        public var delay: Int?
        public init(name: String? = nil, stp: Bool? = nil, delay: Int? = nil) {
            self.name = name
            self.stp = stp
            self.delay = delay
        }
    }

    /// One `<ip>`: an IPv4 address with netmask or prefix, or an IPv6 address with prefix, and DHCP.
    public struct IP: Sendable, Hashable {
        public enum Family: String, Sendable, Hashable, CaseIterable { case ipv4, ipv6 }
        public var address: String
        public var netmask: String?
        public var prefix: Int?
        public var family: Family
        public var dhcp: DHCP?
        public init(address: String, netmask: String? = nil, prefix: Int? = nil, family: Family, dhcp: DHCP? = nil) {
            self.address = address
            self.netmask = netmask
            self.prefix = prefix
            self.family = family
            self.dhcp = dhcp
        }
    }

    /// `<dhcp>`: address ranges and static hosts. Hosts can change live (`virNetworkUpdate`).
    public struct DHCP: Sendable, Hashable {
        public struct Range: Sendable, Hashable {
            public var start: String
            public var end: String
            public init(start: String, end: String) {
                self.start = start
                self.end = end
            }
        }
        public struct Host: Sendable, Hashable {
            public var mac: String?
            public var name: String?
            public var ip: String
            public init(mac: String? = nil, name: String? = nil, ip: String) {
                self.mac = mac
                self.name = name
                self.ip = ip
            }
        }
        public var ranges: [Range]
        public var hosts: [Host]
        public init(ranges: [Range] = [], hosts: [Host] = []) {
            self.ranges = ranges
            self.hosts = hosts
        }
    }

    public var uuid: String?
    public var forward: Forward?
    public var bridge: Bridge?
    public var mtu: Int?
    public var ips: [IP]
    /// Started (`net-start`); nil leaves the state alone.
    public var active: Bool?
    /// `net-autostart`; nil leaves it alone.
    public var autostart: Bool?

    public init(
        uuid: String? = nil,
        forward: Forward? = nil,
        bridge: Bridge? = nil,
        mtu: Int? = nil,
        ips: [IP] = [],
        active: Bool? = true,
        autostart: Bool? = true
    ) {
        self.uuid = uuid
        self.forward = forward
        self.bridge = bridge
        self.mtu = mtu
        self.ips = ips
        self.active = active
        self.autostart = autostart
    }
}
