import Foundation
import LibvirtXML
import Testing
import VirtsyncManifest
import VirtsyncPlan

/// Each example manifest renders to exactly its golden document in `Fixtures/render/`.
///
/// `RECORD_FIXTURES=1 swift test --filter RenderGoldenTests` rewrites the goldens in the source tree
/// and fails, so a recording is always looked at before it counts.
@Suite struct RenderGoldenTests {
    static let formats = Renderer.volumeFormats(of: RenderExamples.all.map(\.manifest))

    @Test("every example renders to its golden XML", arguments: RenderExamples.all.map(\.golden))
    func matchesGolden(golden: String) throws {
        let manifest = try #require(RenderExamples.all.first { $0.golden == golden }?.manifest)
        let rendered = Renderer.render(manifest, volumeFormats: Self.formats).xmlString()
        if ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" {
            try rendered.write(to: Self.sourceFixture(golden), atomically: true, encoding: .utf8)
            Issue.record("recorded Fixtures/render/\(golden).xml; run again without RECORD_FIXTURES to check it")
            return
        }
        let url = try #require(
            Bundle.module.url(forResource: golden, withExtension: "xml", subdirectory: "Fixtures/render"),
            "no golden Fixtures/render/\(golden).xml: record it with RECORD_FIXTURES=1"
        )
        #expect(rendered == (try String(contentsOf: url, encoding: .utf8)))
    }

    @Test("every golden file belongs to an example")
    func noStaleGoldens() throws {
        let directory = try #require(
            Bundle.module.url(forResource: "render", withExtension: nil, subdirectory: "Fixtures")
        )
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".xml") }
        #expect(Set(files) == Set(RenderExamples.all.map { "\($0.golden).xml" }))
    }

    @Test("raw XML manifests render as written")
    func rawXMLIsKept() throws {
        let xml = try XElement(parsing: "<network><name>raw</name><bridge name='br7'/></network>")
        let manifest = RenderExamples.manifest("raw", .rawXML(.bare(kind: .network, xml: xml)))
        #expect(Renderer.render(manifest) == xml)
    }

    /// Goldens are written into the source tree, next to this file, not into the built bundle.
    static func sourceFixture(_ golden: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/render/\(golden).xml")
    }
}
