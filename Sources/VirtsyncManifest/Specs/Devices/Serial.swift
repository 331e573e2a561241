import LibvirtXML

extension DomainSpec {
    /// A serial port (virt-install's `--serial pty`): a pseudo-terminal, or a file the guest writes.
    public struct Serial: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable { case pty, file }
        public var type: Kind
        /// The guest's port number (`ttyS0` is 0): the key of the list.
        public var port: Int
        /// The file a `file` serial writes to.
        public var path: String?
        public init(type: Kind = .pty, port: Int = 0, path: String? = nil) {
            self.type = type
            self.port = port
            self.path = path
        }
    }
}

extension DeviceList {
    static let serials = DeviceList(
        "serials",
        element: "serial",
        \.serials,
        schema: DomainSpec.Serial.schema,
        keyedBy: "`port`",
        xmlKey: { $0.child("target")?[attribute: "port"] },
        change: .pendingRestart,
        "serial ports (`{type: pty}`)",
        xml: { item, _ in item.xml },
        check: { serial, field, scope, findings in
            switch (serial.type, serial.path) {
            case (.file, nil): findings.error("\(field).path", "a file serial needs a path")
            case (.file, let path?): scope.checkPath(path, at: "\(field).path", in: &findings)
            case (.pty, .some): findings.error("\(field).path", "only a file serial has a path")
            case (.pty, nil): break
            }
        }
    )
}

extension DomainSpec.Serial {
    static let schema = Schema<Self>(
        { Self() },
        [
            Member("type", \.type, .choice, "`pty` (a console for `virsh console`) or `file`", default: "`pty`"),
            Member("port", \.port, .int(in: 0...31), "guest port (`ttyS0` is 0); the key of the list", default: "`0`"),
            Member("path", \.path, .string, "the file a `file` serial writes; under an allowed path", default: "none"),
        ]
    )

    /// `<serial type='pty'><target port='0'/></serial>`; libvirt adds the target's type and model.
    var xml: XElement {
        var element = XElement("serial", ["type": type.rawValue])
        element.append(
            path.map { XElement("source", ["path": $0]) },
            XElement("target", ["port": String(port)])
        )
        return element
    }
}
