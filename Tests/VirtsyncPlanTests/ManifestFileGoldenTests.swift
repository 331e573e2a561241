import Foundation
import LibvirtXML
import Testing
import VirtsyncManifest
import VirtsyncPlan

/// Every manifest file of the repository (`manifests/`) and of the manifest fixtures renders exactly as
/// recorded in `Fixtures/manifests/`: a change to how fields are declared, decoded or rendered must not
/// change one byte of what an existing manifest defines.
///
/// Files of one directory are loaded together, as `virtsync apply DIR` loads them, so a disk on a
/// volume declared beside it gets that volume's format. `RECORD_FIXTURES=1` rewrites the goldens and fails.
@Suite struct ManifestFileGoldenTests {
    /// Directories, relative to the package root, whose manifest files have goldens.
    static let directories = [
        "manifests/cloud", "manifests/runnable", "manifests/seed", "Tests/VirtsyncManifestTests/Fixtures/valid",
    ]

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/manifests")

    /// `manifests/seed/ubuntu-vm.yaml` → `manifests_seed_ubuntu-vm.yaml.xml`.
    static func goldenName(_ path: String) -> String { path.replacingOccurrences(of: "/", with: "_") + ".xml" }

    static func files(in directory: String) throws -> [ManifestFile] {
        let url = packageRoot.appendingPathComponent(directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".xml") }.sorted()
        return try names.map {
            ManifestFile(
                path: "\(directory)/\($0)",
                text: try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8)
            )
        }
    }

    static var allPaths: [String] {
        (try? directories.flatMap { try files(in: $0).map(\.path) }) ?? []
    }

    /// Each manifest of the file, in order, after a comment naming it.
    static func rendering(_ path: String) throws -> String {
        let directory = String(path[..<path.lastIndex(of: "/")!])
        let result = ManifestLoader.load(try files(in: directory))
        let formats = Renderer.volumeFormats(of: result.manifests)
        return result.manifests.filter { $0.location.file == path }.map { manifest in
            "<!-- \(manifest.id) -->\n" + Renderer.render(manifest, volumeFormats: formats).xmlString()
        }.joined(separator: "\n")
    }

    @Test("the manifests render as recorded", arguments: allPaths)
    func matchesGolden(path: String) throws {
        let rendered = try Self.rendering(path)
        let golden = Self.goldenDirectory.appendingPathComponent(Self.goldenName(path))
        if ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" {
            try rendered.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(golden.lastPathComponent); run again without RECORD_FIXTURES to check it")
            return
        }
        #expect(!rendered.isEmpty, "\(path) has no manifest")
        #expect(rendered == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test("every manifest golden belongs to a manifest file")
    func noStaleGoldens() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.goldenDirectory.path)
        #expect(Set(files) == Set(Self.allPaths.map(Self.goldenName)))
        #expect(Self.allPaths.count >= 10)
    }
}
