/// The manifest reference's tables, made from the declarations (`docs/manifests.md` holds each between
/// its markers, and a test keeps the page equal to them), so a field's row is written once, beside its
/// decoder.
public enum ManifestReference {
    /// The page, relative to the repository's root, that holds the generated tables.
    public static let page = "docs/manifests.md"

    /// Each generated region: its name (in its markers) and its text.
    public static var regions: [(name: String, markdown: String)] {
        [("Volume", volumeMarkdown), ("Domain", domainMarkdown)]
    }

    public static func begin(_ name: String) -> String {
        "<!-- BEGIN generated \(name) tables: edit the declarations, then RECORD_FIXTURES=1 swift test --filter ReferenceTableTests -->"
    }

    public static func end(_ name: String) -> String { "<!-- END generated \(name) tables -->" }

    public static var volumeMarkdown: String { table(VolumeSpec.schema.rows()) + "\n" }

    /// The Domain table, then one table per device list.
    public static var domainMarkdown: String {
        var sections = [table(DomainSpec.schema.rows())]
        for list in DomainSpec.Devices.lists {
            sections.append(
                "### `devices.\(list.key)[]`\n\n" + "Keyed by \(list.keyText); \(list.change.described).\n\n"
                    + table(list.itemRows)
            )
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    static func table(_ rows: [ReferenceRow]) -> String {
        (["| field | meaning | default |", "|---|---|---|"] + rows.map(\.markdown)).joined(separator: "\n")
    }

    /// `text` with region `name` replaced by `generated`; nil when a marker is missing.
    public static func replacingRegion(_ name: String, in text: String, with generated: String) -> String? {
        guard let start = text.firstRange(of: begin(name)),
            let stop = text[start.upperBound...].firstRange(of: end(name))
        else { return nil }
        return String(text[..<start.upperBound]) + "\n\n" + generated + "\n" + String(text[stop.lowerBound...])
    }

    /// What region `name` holds, as `replacingRegion` writes it.
    public static func region(_ name: String, in text: String) -> String? {
        guard let start = text.firstRange(of: begin(name)),
            let stop = text[start.upperBound...].firstRange(of: end(name))
        else { return nil }
        return String(text[start.upperBound..<stop.lowerBound])
    }
}
