import LibvirtXML

extension DomainSpec {
    /// A video card. libvirt adds one by itself to a domain with graphics, so leaving `videos` out keeps
    /// libvirt's choice; naming the list makes it owned.
    public struct Video: Sendable, Hashable {
        public enum Model: String, Sendable, Hashable, CaseIterable {
            case virtio, vga, qxl, bochs, ramfb, cirrus, none
        }
        public var model: Model
        public var heads: Int?
        public init(model: Model = .virtio, heads: Int? = nil) {
            self.model = model
            self.heads = heads
        }
    }
}

extension DeviceList {
    static let videos = DeviceList(
        "videos",
        element: "video",
        \.videos,
        schema: DomainSpec.Video.schema,
        keyedBy: "`model`",
        xmlKey: { $0.child("model")?[attribute: "type"] },
        change: .pendingRestart,
        "video cards; left out, libvirt's own (it adds one for graphics)",
        xml: { item, _ in item.xml }
    )
}

extension DomainSpec.Video {
    static let schema = Schema<Self>(
        { Self() },
        [
            Member(
                "model",
                \.model,
                .choice,
                "`virtio`, `vga`, `qxl`, `bochs`, `ramfb`, `cirrus` or `none`; the key of the list",
                default: "`virtio`"
            ),
            Member("heads", \.heads, .int(in: 1...16), "number of screens", default: "libvirt's (1)"),
        ]
    )

    /// `<video><model type='virtio'/></video>`; libvirt fills in memory sizes and `primary`.
    var xml: XElement {
        XElement("video", children: [XElement("model", ["type": model.rawValue, "heads": heads.map(String.init)])])
    }
}
