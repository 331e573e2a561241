internal import LibvirtXML
internal import Yams

/// Writes `spec.xml` manifests as YAML documents that `ManifestLoader` reads back: what `virtsync export`
/// prints, to start managing objects that already exist.
///
/// Emitted by Yams, so a name that YAML would read as something else (`null`, `yes`, `1.0`) comes out
/// quoted, and the XML is a literal block that keeps libvirt's own layout.
public enum ManifestWriter {
    /// One manifest; `comment` (where it came from) goes on a `#` line above it.
    public static func yaml(name: String, spec: RawXMLSpec, comment: String? = nil) throws -> String {
        let document = Node.mapping(
            Node.Mapping([
                (text("apiVersion"), text(DocumentDecoder.apiVersion)),
                (text("kind"), text(spec.kind.rawValue)),
                (text("metadata"), Node.mapping(Node.Mapping([(text("name"), text(name))]))),
                (text("spec"), Node.mapping(Node.Mapping(specPairs(spec)))),
            ])
        )
        let body = try Yams.serialize(node: document, indent: 2, width: -1, allowUnicode: true)
        // A name may hold a line break; the comment must stay one line.
        let line = comment.map { "# " + $0.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n" }
        return (line ?? "") + body
    }

    /// The policy keys `RawXMLSpec` reads for the kind, then the XML; unset ones are left out.
    private static func specPairs(_ spec: RawXMLSpec) -> [(Node, Node)] {
        var pairs: [(Node, Node)] = []
        switch spec.kind {
        case .domain:
            if let state = spec.state { pairs.append((text("state"), text(state.rawValue))) }
            if let autostart = spec.autostart { pairs.append((text("autostart"), flag(autostart))) }
        case .network, .storagePool:
            if let active = spec.active { pairs.append((text("active"), flag(active))) }
            if let autostart = spec.autostart { pairs.append((text("autostart"), flag(autostart))) }
        case .volume:
            if let pool = spec.pool { pairs.append((text("pool"), text(pool))) }
            pairs.append((text("deletionPolicy"), text(spec.deletionPolicy.rawValue)))
        }
        let xml = Node.Scalar(spec.xml.xmlString(), Tag(.str), .literal)
        pairs.append((text("xml"), .scalar(xml)))
        return pairs
    }

    /// Yams' own representation of a string: single-quoted when YAML would read it plain as something
    /// else (`null`, `yes`, `1.0`), plain otherwise.
    private static func text(_ value: String) -> Node { .scalar(value.represented()) }

    private static func flag(_ value: Bool) -> Node { .scalar(Node.Scalar(value ? "true" : "false")) }
}
