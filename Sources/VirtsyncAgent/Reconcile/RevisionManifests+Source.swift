import Foundation
import VirtsyncHost
import VirtsyncManifest
import VirtsyncSource

extension RevisionManifests {
    /// Reads `paths` (relative to the checkout) that exist and loads them for this host.
    init(_ snapshot: SourceSnapshot, policy: ReconcilePolicy) throws(ManifestDirectory.ReadError) {
        let root = URL(fileURLWithPath: snapshot.directory)
        let existing = policy.paths
            .map { $0.isEmpty ? root.path : root.appendingPathComponent($0).path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let files = try ManifestDirectory.read(existing).map { file in
            // Reports name files as the repository does, not as the cache directory happens to lie.
            ManifestFile(
                path: file.path.hasPrefix(prefix) ? String(file.path.dropFirst(prefix.count)) : file.path,
                text: file.text
            )
        }
        var loaded = ManifestLoader.load(files)
        // cloud-init `{file:}` documents are read from the checkout, never from outside it.
        loaded.diagnostics += SeedFiles.resolve(&loaded.manifests, root: root.path)
        self.init(
            revision: snapshot.revision,
            loaded: loaded,
            selector: policy.selector,
            allowedPaths: policy.allowedPaths
        )
    }
}
