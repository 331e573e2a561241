internal import Crypto
internal import Foundation
public import VirtsyncManifest

/// Reads the `{file: PATH}` documents of cloud-init seeds (relative to the manifest's file) and stamps
/// each seed with the SHA-256 of its files: the plan compares and shows that digest, never the content.
public enum SeedFiles {
    /// `root` is prepended to a manifest's file path to find it on disk (the agent's checkout reports
    /// repository-relative paths); a file must then lie under `root`, so a manifest cannot read the
    /// host's files through `../`. A missing file is an error at its field.
    public static func resolve(_ manifests: inout [Manifest], root: String? = nil) -> [ManifestError] {
        var errors: [ManifestError] = []
        for index in manifests.indices {
            guard case .volume(var volume) = manifests[index].spec, var seed = volume.seed else { continue }
            let manifest = manifests[index]
            let base =
                ((root.map { ($0 as NSString).appendingPathComponent(manifest.location.file) } ?? manifest.location.file)
                as NSString).deletingLastPathComponent
            for key in ["userData", "metaData", "networkConfig"] {
                guard case .file(let relative)? = seed.cloudInit[key] else { continue }
                let full = URL(fileURLWithPath: (base as NSString).appendingPathComponent(relative)).standardized.path
                let inside = root.map { full.hasPrefix(URL(fileURLWithPath: $0).standardized.path + "/") } ?? true
                guard inside, let data = FileManager.default.contents(atPath: full),
                    let text = String(data: data, encoding: .utf8)
                else {
                    errors.append(
                        ManifestError(
                            manifest.location(of: "spec.cloudInit.\(key)"),
                            field: "spec.cloudInit.\(key).file",
                            inside
                                ? "cannot read '\(relative)' (from \(full))"
                                : "'\(relative)' lies outside the repository"
                        )
                    )
                    continue
                }
                seed.cloudInit[key] = .inline(text)
            }
            seed.cloudInit.digest = seed.files.map(digest)
            volume.seed = seed
            manifests[index].spec = .volume(volume)
        }
        return errors
    }

    /// SHA-256 over the seed's file names and texts, lower-case hex.
    static func digest(_ files: [(name: String, text: String)]) -> String {
        var hasher = SHA256()
        for file in files {
            hasher.update(data: Data(file.name.utf8) + Data([0]) + Data(file.text.utf8) + Data([0]))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

extension CloudInit {
    /// The three documents by their manifest key, for code that walks them.
    subscript(key: String) -> Document? {
        get {
            switch key {
            case "userData": userData
            case "metaData": metaData
            default: networkConfig
            }
        }
        set {
            switch key {
            case "userData": userData = newValue
            case "metaData": metaData = newValue
            default: networkConfig = newValue
            }
        }
    }
}
