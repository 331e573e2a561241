import LibvirtXML

extension DomainSpec {
    /// An emulated TPM (virt-install's `--tpm emulator`): libvirt runs swtpm beside the guest, so the host
    /// needs the `swtpm` package to start the domain (not to define it).
    public struct TPM: Sendable, Hashable {
        public enum Model: String, Sendable, Hashable, CaseIterable {
            case crb = "tpm-crb"
            case tis = "tpm-tis"
        }
        public enum Version: String, Sendable, Hashable, CaseIterable {
            case v2 = "2.0"
            case v1 = "1.2"
        }
        public var model: Model
        public var version: Version
        public init(model: Model = .crb, version: Version = .v2) {
            self.model = model
            self.version = version
        }
    }
}

extension DeviceList {
    static let tpms = DeviceList(
        "tpms",
        element: "tpm",
        \.tpms,
        schema: DomainSpec.TPM.schema,
        keyedBy: "`model`",
        xmlKey: { $0[attribute: "model"] },
        change: .pendingRestart,
        "emulated TPMs (`{}`: TPM 2.0 on CRB, swtpm); the host needs swtpm to start the domain",
        xml: { item, _ in item.xml }
    )
}

extension DomainSpec.TPM {
    static let schema = Schema<Self>(
        { Self() },
        [
            Member("model", \.model, .choice, "`tpm-crb` or `tpm-tis`; the key of the list", default: "`tpm-crb`"),
            Member("version", \.version, .choice, "`2.0` or `1.2` (quote it: `\"2.0\"`)", default: "`2.0`"),
        ]
    )

    /// `<tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>`.
    var xml: XElement {
        XElement(
            "tpm",
            ["model": model.rawValue],
            children: [XElement("backend", ["type": "emulator", "version": version.rawValue])]
        )
    }
}
