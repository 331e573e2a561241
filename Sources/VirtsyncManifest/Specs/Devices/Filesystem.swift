import LibvirtXML

extension DomainSpec {
    /// A host directory shared with the guest over virtiofs (`mount -t virtiofs TAG /mnt` in the guest).
    /// virtiofs needs the guest's memory shared with the host's virtiofsd, so a domain with filesystems
    /// renders `<memoryBacking>` with `memfd` and shared access; the host needs virtiofsd to start it.
    public struct Filesystem: Sendable, Hashable {
        /// The host directory.
        public var source: String
        /// The mount tag the guest sees: the key of the list.
        public var target: String
        public var readonly: Bool
        public init(source: String, target: String, readonly: Bool = false) {
            self.source = source
            self.target = target
            self.readonly = readonly
        }
    }
}

extension DeviceList {
    static let filesystems = DeviceList(
        "filesystems",
        element: "filesystem",
        \.filesystems,
        schema: DomainSpec.Filesystem.schema,
        keyedBy: "`target`",
        xmlKey: { $0.child("target")?[attribute: "dir"] },
        change: .pendingRestart,
        alwaysOwned: true,
        "host directories shared over virtiofs (`{source, target}`); adds shared memory backing",
        xml: { item, _ in item.xml },
        check: { filesystem, field, scope, findings in
            scope.checkPath(filesystem.source, at: "\(field).source", in: &findings)
        }
    )
}

extension DomainSpec.Filesystem {
    static let schema = Schema<Self>(
        { Self(source: "", target: "") },
        [
            Member("source", \.source, .string, required: true, "host directory; under an allowed path", default: ""),
            Member(
                "target",
                \.target,
                .string,
                required: true,
                "mount tag in the guest; the key of the list",
                default: ""
            ),
            Member("readonly", \.readonly, .bool, "read-only share", default: "`false`"),
        ]
    )

    /// `<filesystem type='mount' accessmode='passthrough'><driver type='virtiofs'/>…</filesystem>`.
    var xml: XElement {
        var element = XElement("filesystem", ["type": "mount", "accessmode": "passthrough"])
        element.append(
            XElement("driver", ["type": "virtiofs"]),
            XElement("source", ["dir": source]),
            XElement("target", ["dir": target]),
            readonly ? XElement("readonly") : nil
        )
        return element
    }
}
