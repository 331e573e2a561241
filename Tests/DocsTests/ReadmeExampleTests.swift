import Testing
import VirtsyncManifest

/// The README's one example is the runnable set in manifests/runnable/, written shorter: the same
/// objects, field for field, so the commands the README shows do what it says (the CLI tests and
/// `make demo` run them on that directory).
@Suite("README example")
struct ReadmeExampleTests {
    @Test("the README's manifests load without a diagnostic and equal manifests/runnable")
    func sameAsRunnable() throws {
        let blocks = Repository.codeBlocks(try Repository.text("README.md"), language: "yaml")
            .filter { $0.contains("apiVersion: virtsync/v1") }
        try #require(blocks.count == 1, "one example manifest stream in the README")
        let readme = ManifestLoader.load([ManifestFile(path: "README.md", text: blocks[0])])
        #expect(readme.diagnostics.isEmpty, "\(readme.diagnostics)")

        let names = ["network.yaml", "pool.yaml", "vm.yaml"]
        let runnable = ManifestLoader.load(
            try names.map { name in
                ManifestFile(path: name, text: try Repository.text("manifests/runnable/\(name)"))
            }
        )
        try #require(runnable.diagnostics.isEmpty)
        #expect(readme.manifests.count == runnable.manifests.count)
        for (shown, kept) in zip(readme.manifests, runnable.manifests) {
            #expect(shown.metadata == kept.metadata)
            #expect(shown.spec == kept.spec, "\(shown.metadata.name) differs from manifests/runnable")
        }
    }
}
