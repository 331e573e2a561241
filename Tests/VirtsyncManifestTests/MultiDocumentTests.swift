import Testing
import VirtsyncManifest

@Suite("Multi-document files")
struct MultiDocumentTests {
    static let network = "apiVersion: virtsync/v1\nkind: Network\nmetadata: {name: NAME}\nspec: {}\n"

    @Test("empty documents and comment-only preambles are skipped, the others load in order")
    func emptyDocumentsSkipped() {
        let text =
            "# fleet networks\n%YAML 1.1\n---\n" + Self.network.replacing("NAME", with: "a")
            + "---\n---\n# nothing here\n---\n" + Self.network.replacing("NAME", with: "b") + "...\n"
        let result = ManifestLoader.load([ManifestFile(path: "n.yaml", text: text)])
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.manifests.map(\.metadata.name) == ["a", "b"])
        #expect(result.manifests.map(\.location.line) == [4, 12])
    }

    @Test("a single document, with dashes inside a line or a leading marker, loads as one with its lines")
    func singleDocument() {
        let text =
            "--- # the only one\n"
            + Self.network.replacing("NAME", with: "a---b").replacing("spec: {}", with: "spec: {} # ---")
        let result = ManifestLoader.load([ManifestFile(path: "n.yaml", text: text)])
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.manifests.map(\.metadata.name) == ["a---b"])
        #expect(result.manifests.map(\.location.line) == [2])
    }

    @Test("a syntax error in one document leaves the documents before and after it loaded")
    func syntaxErrorIsolated() {
        let text =
            Self.network.replacing("NAME", with: "a") + "---\nkind: [unclosed\n---\n"
            + Self.network.replacing("NAME", with: "c")
        let result = ManifestLoader.load([ManifestFile(path: "n.yaml", text: text)])
        #expect(result.manifests.map(\.metadata.name) == ["a", "c"])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.location.line == 7)
        #expect(result.hasErrors)
    }

    @Test("diagnostics of several files come sorted by file, line and column")
    func diagnosticsSorted() {
        let bad = "apiVersion: virtsync/v1\nkind: Network\nmetadata: {name: x}\nspec: {mtu: a, bridge: {stp: b}}\n"
        let result = ManifestLoader.load([
            ManifestFile(path: "b.yaml", text: bad), ManifestFile(path: "a.yaml", text: bad + "---\n" + bad),
        ])
        let places = result.diagnostics.map { "\($0.location)" }
        #expect(places == ["a.yaml:4:13", "a.yaml:4:30", "a.yaml:9:13", "a.yaml:9:30", "b.yaml:4:13", "b.yaml:4:30"])
    }
}
