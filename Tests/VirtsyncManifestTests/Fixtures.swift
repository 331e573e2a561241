import Foundation
import VirtsyncManifest

/// Reads the fixtures shipped with the tests, as `ManifestFile`s named by their path under `Fixtures/`.
enum Fixtures {
    static let root: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func file(_ path: String) throws -> ManifestFile {
        ManifestFile(path: path, text: try String(contentsOf: root.appending(path: path), encoding: .utf8))
    }

    /// Names (without extension) of the files in a fixture folder with the given extension, sorted.
    static func names(in folder: String, withExtension ext: String) throws -> [String] {
        let urls = try FileManager.default.contentsOfDirectory(
            at: root.appending(path: folder),
            includingPropertiesForKeys: nil
        )
        return urls.filter { $0.pathExtension == ext }.map { $0.deletingPathExtension().lastPathComponent }.sorted()
    }

    /// Loads fixture files and returns the manifests, failing loudly on any diagnostic.
    static func load(_ paths: String...) throws -> [Manifest] {
        let result = ManifestLoader.load(try paths.map(file))
        guard result.diagnostics.isEmpty else { throw Unexpected(diagnostics: result.diagnostics) }
        return result.manifests
    }

    struct Unexpected: Error, CustomStringConvertible {
        var diagnostics: [ManifestError]
        var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    }
}

extension [Manifest] {
    func named(_ name: String) -> Manifest? { first { $0.metadata.name == name } }
}
