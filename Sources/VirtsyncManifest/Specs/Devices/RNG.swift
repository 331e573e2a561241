import LibvirtXML

extension DomainSpec {
    /// A virtio random number generator fed from a host device (virt-install's `--rng /dev/urandom`).
    public struct RNG: Sendable, Hashable {
        public static let sources = ["/dev/urandom", "/dev/random", "/dev/hwrng"]
        public enum Model: String, Sendable, Hashable, CaseIterable {
            case virtio
            case virtioTransitional = "virtio-transitional"
            case virtioNonTransitional = "virtio-non-transitional"
        }
        public var model: Model
        /// The host device it reads: the key of the list.
        public var backend: String
        public init(model: Model = .virtio, backend: String = "/dev/urandom") {
            self.model = model
            self.backend = backend
        }
    }
}

extension DeviceList {
    static let rngs = DeviceList(
        "rngs",
        element: "rng",
        \.rngs,
        schema: DomainSpec.RNG.schema,
        keyedBy: "`backend`",
        xmlKey: { $0.child("backend")?.text },
        change: .live,
        "random number generators (`{}`: virtio from `/dev/urandom`)",
        xml: { item, _ in item.xml }
    )
}

extension DomainSpec.RNG {
    static let schema = Schema<Self>(
        { Self() },
        [
            Member(
                "model",
                \.model,
                .choice,
                "`virtio`, `virtio-transitional` or `virtio-non-transitional`",
                default: "`virtio`"
            ),
            Member(
                "backend",
                \.backend,
                .oneOf(sources),
                "host device: `/dev/urandom`, `/dev/random` or `/dev/hwrng`; the key of the list",
                default: "`/dev/urandom`"
            ),
        ]
    )

    /// `<rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>`.
    var xml: XElement {
        XElement("rng", ["model": model.rawValue], children: [XElement("backend", ["model": "random"], text: backend)])
    }
}
