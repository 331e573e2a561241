import Foundation
import LibXML2
import Testing
import VirtsyncManifest
import VirtsyncSchema

/// What virtsync renders from typed manifests is valid by libvirt's own schemas: every rendering golden
/// of VirtsyncPlanTests is checked. (A plan checks only the libvirt XML users write; this is why.)
@Suite("rendering goldens against libvirt's schemas")
struct RenderGoldenSchemaTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../VirtsyncPlanTests/Fixtures/render").standardized

    static func goldens() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }.sorted()
    }

    @Test("every rendering golden passes its kind's schema", arguments: try goldens())
    func goldenIsValid(file: String) throws {
        let kind: ManifestKind =
            file.hasPrefix("domain")
            ? .domain
            : file.hasPrefix("network")
                ? .network
                : file.hasPrefix("pool") ? .storagePool : .volume
        let schema = try LibvirtSchemas.schema(for: kind).get()
        let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
        #expect(schema.problems(in: text).isEmpty, "\(file): \(schema.problems(in: text))")
    }

    @Test("the goldens are there")
    func goldensExist() throws {
        #expect(try Self.goldens().count >= 10)
    }
}
