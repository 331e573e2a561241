import Foundation
import Testing
import VirtsyncManifest

/// The manifest reference's Domain tables are what the field declarations say, and every declared field
/// has its row: `RECORD_FIXTURES=1 swift test --filter ReferenceTableTests` rewrites the generated region
/// of the page (and fails, so that the change is looked at).
/// Serialized: recording rewrites one file per region.
@Suite(.serialized) struct ReferenceTableTests {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(ManifestReference.page)

    @Test("the reference's generated tables equal the declarations", arguments: ManifestReference.regions.map(\.name))
    func docsMatchDeclarations(name: String) throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        let generated = try #require(ManifestReference.regions.first { $0.name == name }).markdown
        if ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" {
            let updated = try #require(
                ManifestReference.replacingRegion(name, in: text, with: generated),
                "no \(name) markers in \(Self.page.path)"
            )
            try updated.write(to: Self.page, atomically: true, encoding: .utf8)
            Issue.record(
                "rewrote the generated \(name) region of \(ManifestReference.page); run again without RECORD_FIXTURES"
            )
            return
        }
        let region = try #require(
            ManifestReference.region(name, in: text),
            "no generated \(name) region in \(ManifestReference.page)"
        )
        #expect(region == "\n\n" + generated + "\n")
    }

    @Test("every declared device list and its members have a reference row with a meaning")
    func everyFieldHasARow() {
        let markdown = ManifestReference.domainMarkdown
        for list in DomainSpec.Devices.lists {
            #expect(markdown.contains("| `devices.\(list.key)[]` |"), "no row for devices.\(list.key)")
            #expect(markdown.contains("### `devices.\(list.key)[]`"))
            for row in list.itemRows { #expect(!row.meaning.isEmpty, "devices.\(list.key)[].\(row.field)") }
        }
        for field in ["os.kernel", "os.initrd", "os.cmdline", "profile", "memory", "clock.offset"] {
            #expect(markdown.contains("| `\(field)` |"), "no row for \(field)")
        }
    }
}
