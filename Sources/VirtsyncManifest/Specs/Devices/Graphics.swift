public import LibvirtXML

extension DomainSpec {
    /// A graphical console (seed 4.1 `--graphics vnc,listen=0.0.0.0`): a fixed port, or autoport when unset.
    public struct Graphics: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable { case vnc, spice }
        public var type: Kind
        public var listen: String?
        public var port: Int?
        public init(type: Kind = .vnc, listen: String? = nil, port: Int? = nil) {
            self.type = type
            self.listen = listen
            self.port = port
        }
    }
}

extension DeviceList {
    static let graphics = DeviceList(
        "graphics",
        element: "graphics",
        \.graphics,
        schema: DomainSpec.Graphics.schema,
        keyedBy: "`type`",
        xmlKey: { $0[attribute: "type"] },
        change: .pendingRestart,
        "graphical consoles",
        xml: { item, _ in item.xml },
        validate: { devices, _, findings in
            for (index, graphics) in devices.graphics.enumerated() {
                if let port = graphics.port, !(5900...65535).contains(port) {
                    findings.error(
                        "spec.devices.graphics[\(index)].port",
                        "port \(port) is outside 5900-65535; leave it out for autoport"
                    )
                }
            }
        }
    )
}

extension DomainSpec.Graphics {
    static let schema = Schema<Self>(
        { Self() },
        [
            Member("type", \.type, .choice, "`vnc` or `spice`", default: "`vnc`"),
            Member("listen", \.listen, .string, "address to listen on", default: "libvirt's (`127.0.0.1`)"),
            Member("port", \.port, .int(), "a fixed port from 5900", default: "autoport"),
        ]
    )

    /// A `<graphics>` console: a fixed port turns autoport off. Without a port, VNC is kept by libvirt
    /// as `port='-1' autoport='yes'` and SPICE as `autoport='yes'` alone.
    public var xml: XElement {
        let autoPort: String? = type == .vnc ? "-1" : nil
        return XElement(
            "graphics",
            [
                "type": type.rawValue, "port": port.map(String.init) ?? autoPort,
                "autoport": port == nil ? "yes" : "no", "listen": listen,
            ]
        )
    }
}
