import Foundation
import VirtsyncManifest
import VirtsyncSource

/// The manifests of one source revision that apply to this host, or why there are none.
struct ManifestSnapshot {
    var revision: String
    var manifests: [Manifest]
    var diagnostics: [ManifestError]

    /// Reads `paths` (relative to the checkout) that exist, loads, validates without the host and selects.
    init(_ snapshot: SourceSnapshot, policy: ReconcilePolicy) throws {
        revision = snapshot.revision
        let root = URL(fileURLWithPath: snapshot.directory)
        let existing = policy.paths
            .map { $0.isEmpty ? root.path : root.appendingPathComponent($0).path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let files = try ManifestDirectory.read(existing).map { file in
            // Reports name files as the repository does, not as the cache directory happens to lie.
            ManifestFile(path: file.path.hasPrefix(prefix) ? String(file.path.dropFirst(prefix.count)) : file.path, text: file.text)
        }
        var loaded = ManifestLoader.load(files)
        // cloud-init `{file:}` documents are read from the checkout, never from outside it.
        loaded.diagnostics += SeedFiles.resolve(&loaded.manifests, root: root.path)
        diagnostics = loaded.diagnostics
        if !loaded.hasErrors {
            diagnostics += ManifestValidator.validate(loaded.manifests, context: ValidationContext(allowedPaths: policy.allowedPaths))
        }
        manifests = loaded.manifests.filter(policy.selector.selects)
    }

    var errors: [ManifestError] { diagnostics.filter { $0.severity == .error } }
}
