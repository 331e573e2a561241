import Testing
import VirtsyncManifest

/// Every complete manifest shown in the docs (a YAML block with `apiVersion: virtsync/v1`) loads
/// without an error, so the reference never shows a field that the decoder refuses.
@Suite("manifest examples in the docs")
struct ManifestExamplesTests {
    @Test("every complete manifest in the docs is valid", arguments: try Repository.pages())
    func valid(page: String) throws {
        let blocks = Repository.codeBlocks(try Repository.text(page), language: "yaml")
            .filter { $0.contains("apiVersion: virtsync/v1") && !$0.contains("spec: {...}") }
        for (index, block) in blocks.enumerated() {
            let result = ManifestLoader.load([ManifestFile(path: "\(page)#\(index)", text: block)])
            let errors = result.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(page), YAML block \(index + 1): \(errors)")
            #expect(!result.manifests.isEmpty, "\(page), YAML block \(index + 1) yields no manifest")
        }
    }
}
