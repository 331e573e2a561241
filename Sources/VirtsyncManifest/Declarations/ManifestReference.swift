/// The manifest reference's tables, made from the declarations (`docs/manifests.md` holds them between
/// markers, and a test keeps the two equal), so a field's docs row is written once, beside its decoder.
public enum ManifestReference {
    public static let begin = "<!-- BEGIN generated from the field declarations: run RECORD_FIXTURES=1 swift test --filter ReferenceTableTests -->"
    public static let end = "<!-- END generated -->"

    /// The Domain table, then one table per device list.
    public static var domainMarkdown: String {
        var sections = [table(DomainSpec.schema.rows())]
        for list in DomainSpec.Devices.lists {
            sections.append("### `devices.\(list.key)[]`\n\n" + "Keyed by \(list.keyText); \(list.change.described).\n\n"
                + table(list.itemRows))
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    static func table(_ rows: [ReferenceRow]) -> String {
        (["| field | meaning | default |", "|---|---|---|"] + rows.map(\.markdown)).joined(separator: "\n")
    }

    /// `text` with what lies between the markers replaced by `generated`; nil when a marker is missing.
    public static func replacingRegion(in text: String, with generated: String) -> String? {
        guard let start = text.firstRange(of: begin), let stop = text[start.upperBound...].firstRange(of: end)
        else { return nil }
        return String(text[..<start.upperBound]) + "\n\n" + generated + "\n" + String(text[stop.lowerBound...])
    }

    /// What lies between the markers, as `replacingRegion` writes it.
    public static func region(in text: String) -> String? {
        guard let start = text.firstRange(of: begin), let stop = text[start.upperBound...].firstRange(of: end)
        else { return nil }
        return String(text[start.upperBound..<stop.lowerBound])
    }
}

extension ManifestReference {
    /// The page, relative to the repository's root, that holds the generated tables.
    public static let page = "docs/manifests.md"
}
