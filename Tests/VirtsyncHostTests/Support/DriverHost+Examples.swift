import Foundation
import VirtsyncManifest
import VirtsyncSource

/// The repository's example manifests, rewritten so they can run side by side with other tests.
extension DriverHost {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    /// The files of `manifests/<directory>`, with `names` prefixed wherever they stand as a name, a pool or
    /// a network, images moved under the test's root, and host bridges renamed.
    func examples(_ directory: String, names: [String], bridges: [String]) throws -> [ManifestFile] {
        let files = try ManifestDirectory.read(["\(Self.repositoryRoot)/manifests/\(directory)"])
        return files.map { ManifestFile(path: $0.path, text: rewrite($0.text, names: names, bridges: bridges)) }
    }

    func rewrite(_ text: String, names: [String], bridges: [String]) -> String {
        var text = text.replacingOccurrences(of: "/var/lib/libvirt/images", with: path("images"))
        let alternatives = names.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:)).joined(
            separator: "|"
        )
        let rules = [
            (#"\b(name|pool|network): ("# + alternatives + #")(?=[,}\s]|$)"#, "$1: \(prefix)$2"),
            ("<name>(" + alternatives + ")</name>", "<name>\(prefix)$1</name>"),
            (#"images/("# + alternatives + ")", "images/\(prefix)$1"),
        ]
        for (pattern, template) in rules {
            let regex = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
            text = regex.stringByReplacingMatches(
                in: text,
                range: NSRange(text.startIndex..., in: text),
                withTemplate: template
            )
        }
        for bridge in bridges {
            text = text.replacingOccurrences(of: "'\(bridge)'", with: "'\(bridgeName(bridge))'")
                .replacingOccurrences(of: ": \(bridge)", with: ": \(bridgeName(bridge))")
        }
        return text
    }
}
