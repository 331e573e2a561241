import LibvirtXML

extension DomainSpec {
    /// A virtio channel between host and guest: the QEMU guest agent's by default (virt-install's
    /// `--channel unix,target.type=virtio,name=org.qemu.guest_agent.0`), on a socket libvirt names.
    public struct Channel: Sendable, Hashable {
        public static let guestAgent = "org.qemu.guest_agent.0"
        public enum Kind: String, Sendable, Hashable, CaseIterable { case unix, spicevmc }
        public var type: Kind
        /// The port name the guest sees: the key of the list.
        public var name: String
        public init(type: Kind = .unix, name: String = Self.guestAgent) {
            self.type = type
            self.name = name
        }
    }
}

extension DeviceList {
    static let channels = DeviceList(
        "channels",
        element: "channel",
        \.channels,
        schema: DomainSpec.Channel.schema,
        keyedBy: "`name`",
        xmlKey: { $0.child("target")?[attribute: "name"] },
        change: .pendingRestart,
        "virtio channels; `{}` is the QEMU guest agent's",
        xml: { item, _ in item.xml }
    )
}

extension DomainSpec.Channel {
    static let schema = Schema<Self>(
        { Self() },
        [
            Member("type", \.type, .choice, "`unix` (a socket libvirt makes) or `spicevmc`", default: "`unix`"),
            Member(
                "name",
                \.name,
                .string,
                "the port name in the guest; the key of the list",
                default: "`org.qemu.guest_agent.0`"
            ),
        ]
    )

    /// `<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>`: without a
    /// source path libvirt makes the socket under its own directory, which the agent's tools know.
    var xml: XElement {
        XElement("channel", ["type": type.rawValue], children: [XElement("target", ["type": "virtio", "name": name])])
    }
}
