import LibvirtXML

extension DomainSpec {
    /// A text console (virt-install's `--console pty,target_type=serial`). A `serial` console is the
    /// serial port of the same number seen through `virsh console`, so that port must be in `serials`.
    public struct Console: Sendable, Hashable {
        public enum Target: String, Sendable, Hashable, CaseIterable { case serial, virtio }
        public var target: Target
        public var port: Int
        public init(target: Target = .serial, port: Int = 0) {
            self.target = target
            self.port = port
        }
    }
}

extension DeviceList {
    static let consoles = DeviceList(
        "consoles",
        element: "console",
        \.consoles,
        schema: DomainSpec.Console.schema,
        keyedBy: "`target` and `port`",
        xmlKey: { element in
            element.child("target").map { "\($0[attribute: "type"] ?? "")/\($0[attribute: "port"] ?? "")" }
        },
        change: .pendingRestart,
        "pty consoles (`{target: serial}`); a `serial` console needs the serial port of its number",
        xml: { item, _ in item.xml }
    )
}

extension DomainSpec.Console {
    static let schema = Schema<Self>(
        { Self() },
        [
            Member(
                "target",
                \.target,
                .choice,
                "`serial` (the serial port of the same number) or `virtio` (`hvc0`)",
                default: "`serial`"
            ),
            Member("port", \.port, .int(in: 0...31), "port number", default: "`0`"),
        ]
    )

    /// `<console type='pty'><target type='serial' port='0'/></console>`.
    var xml: XElement {
        XElement(
            "console",
            ["type": "pty"],
            children: [XElement("target", ["type": target.rawValue, "port": String(port)])]
        )
    }
}
