// Readers return nil only where a required value is missing; a bad optional value is reported and
// read as absent, and the document decoder drops any document that reported an error.

extension NetworkSpec {
    static let fields = ["uuid", "forward", "bridge", "mtu", "ips", "active", "autostart"]

    /// Reads `spec` of a `kind: Network` document.
    init?(reading field: Field) {
        guard let spec = field.mapping(Self.fields) else { return nil }
        self.init(
            uuid: spec.optional("uuid")?.string(),
            forward: spec.optional("forward").flatMap(Forward.init(reading:)),
            bridge: spec.optional("bridge").flatMap(Bridge.init(reading:)),
            mtu: spec.optional("mtu")?.int(in: 68...65535),
            ips: spec.optional("ips")?.list()?.compactMap(IP.init(reading:)) ?? [],
            active: spec.optional("active")?.bool() ?? true,
            autostart: spec.optional("autostart")?.bool() ?? true
        )
    }
}

extension NetworkSpec.Forward {
    init?(reading field: Field) {
        guard let forward = field.mapping(["mode", "dev", "natPorts"]) else { return nil }
        let mode = forward.required("mode")?.choice(NetworkSpec.ForwardMode.self)
        let dev = forward.optional("dev")?.string()
        let ports = forward.optional("natPorts").flatMap(Self.readPorts)
        guard let mode else { return nil }
        self.init(mode: mode, dev: dev, natPorts: ports)
    }

    /// `{start, end}`; a reversed range cannot even be held, so it is refused here rather than by the validator.
    private static func readPorts(_ field: Field) -> ClosedRange<Int>? {
        guard let ports = field.mapping(["start", "end"]) else { return nil }
        let start = ports.required("start")?.int(in: 1...65535)
        let end = ports.required("end")?.int(in: 1...65535)
        guard let start, let end else { return nil }
        guard start <= end else {
            field.state.error(at: field.anchor, field.path, "start \(start) is after end \(end)")
            return nil
        }
        return start...end
    }
}

extension NetworkSpec.Bridge {
    init?(reading field: Field) {
        guard let bridge = field.mapping(["name", "stp", "delay"]) else { return nil }
        self.init(
            name: bridge.optional("name")?.string(),
            stp: bridge.optional("stp")?.bool(),
            delay: bridge.optional("delay")?.int(in: 0...Int(Int32.max))
        )
    }
}

extension NetworkSpec.IP {
    init?(reading field: Field) {
        guard let ip = field.mapping(["address", "netmask", "prefix", "family", "dhcp"]) else { return nil }
        guard let address = ip.required("address")?.string() else { return nil }
        let inferred: Family = address.contains(":") ? .ipv6 : .ipv4
        self.init(
            address: address,
            netmask: ip.optional("netmask")?.string(),
            prefix: ip.optional("prefix")?.int(in: 0...128),
            family: ip.optional("family")?.choice(Family.self) ?? inferred,
            dhcp: ip.optional("dhcp").flatMap(NetworkSpec.DHCP.init(reading:))
        )
    }
}

extension NetworkSpec.DHCP {
    init?(reading field: Field) {
        guard let dhcp = field.mapping(["ranges", "hosts"]) else { return nil }
        self.init(
            ranges: dhcp.optional("ranges")?.list()?.compactMap(Range.init(reading:)) ?? [],
            hosts: dhcp.optional("hosts")?.list()?.compactMap(Host.init(reading:)) ?? []
        )
    }
}

extension NetworkSpec.DHCP.Range {
    init?(reading field: Field) {
        guard let range = field.mapping(["start", "end"]) else { return nil }
        let start = range.required("start")?.string()
        let end = range.required("end")?.string()
        guard let start, let end else { return nil }
        self.init(start: start, end: end)
    }
}

extension NetworkSpec.DHCP.Host {
    init?(reading field: Field) {
        guard let host = field.mapping(["mac", "name", "ip"]) else { return nil }
        let mac = host.optional("mac")?.string()
        let name = host.optional("name")?.string()
        guard let ip = host.required("ip")?.string() else { return nil }
        self.init(mac: mac, name: name, ip: ip)
    }
}
