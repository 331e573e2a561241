import Testing
import VirtsyncManifest

/// The how-to "A VM from a cloud image" in docs/manifests.md shows manifests/cloud as it is (`make demo`
/// plans that directory and a driver test plans it), and the VM's file stays short enough to write by hand.
@Suite("the cloud-image how-to")
struct CloudExampleDocsTests {
    @Test("the how-to's manifests equal manifests/cloud, field for field; vm.yaml is at most 32 lines of YAML")
    func sameAsExample() throws {
        let blocks = Repository.codeBlocks(try Repository.text("docs/manifests.md"), language: "yaml")
            .filter { $0.contains("apiVersion: virtsync/v1") && $0.contains("metadata: {name: vs-cloud-vm}") }
        try #require(blocks.count == 1, "one cloud-image how-to block in docs/manifests.md")
        // A fenced block loses its last newline, which the user-data at its end keeps in the file.
        let shown = ManifestLoader.load([ManifestFile(path: "docs/manifests.md", text: blocks[0] + "\n")])
        let files = try ["pool.yaml", "vm.yaml"].map {
            ManifestFile(path: "manifests/cloud/\($0)", text: try Repository.text("manifests/cloud/\($0)"))
        }
        let kept = ManifestLoader.load(files)
        #expect(shown.diagnostics.isEmpty && kept.diagnostics.isEmpty, "\(shown.diagnostics) \(kept.diagnostics)")
        #expect(shown.manifests.map(\.metadata) == kept.manifests.map(\.metadata))
        #expect(shown.manifests.map(\.spec) == kept.manifests.map(\.spec), "the how-to differs from manifests/cloud")
        let lines = files[1].text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count <= 32, "manifests/cloud/vm.yaml has \(lines.count) lines of YAML")
    }
}
