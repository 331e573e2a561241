import Foundation
import TestSupport

/// Moves the seed's example manifests into a fixture's namespace by editing their text before loading:
/// object names and references get the prefix, `virbr0` / `br0` become the fixture's bridges, the
/// 192.168.122.0/24 subnet becomes the fixture's, image paths move into the fixture's pool directory,
/// fixed UUIDs go (they would clash with a real `default`), and domains stay shut off
/// (host-passthrough and hugepages cannot start on a CI host).
struct SeedRenamer {
    let host: HostFixture
    /// The bridge that stands for the seed's host bridge `br0`.
    let hostBridge: String

    /// Every object name the seed uses; networks and pools share `default`.
    static let names = ["default", "tuned-vm", "ubuntu-vm", "myvm", "bridge-net"]

    static var seedDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("manifests/seed")
    }

    /// The seed's manifest files (not its README), by name.
    static func seedFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: seedDirectory.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".xml") }.sorted()
    }

    func rename(_ text: String) -> String {
        let images = RealHost.imagesRoot
        var result = text
        result = result.replacing(#/(?m)^\s*uuid:.*\n/#, with: "")
        result = result.replacing(#/\s*<uuid>[^<]*</uuid>/#, with: "")
        result = result.replacing("\(images)/myvm.qcow2", with: "\(host.poolDirectory)/\(host.name("myvm.qcow2"))")
        result = result.replacing("\(images)/ubuntu-22.04.iso", with: "\(host.poolDirectory)/ubuntu-22.04.iso")
        result = result.replacing(#/path: \/var\/lib\/libvirt\/images\n/#, with: "path: \(host.poolDirectory)\n")
        for name in Self.names {
            // A whole name, not part of a path or of a longer name (Swift's Regex has no lookbehind).
            let pattern = try! NSRegularExpression(
                pattern: "(?<![\\w/-])\(NSRegularExpression.escapedPattern(for: name))(?![\\w-])",
                options: .anchorsMatchLines
            )
            result = pattern.stringByReplacingMatches(
                in: result,
                range: NSRange(result.startIndex..., in: result),
                withTemplate: NSRegularExpression.escapedTemplate(for: host.name(name))
            )
        }
        result = result.replacing(#/\bvirbr0\b/#, with: host.bridge(0))
        result = result.replacing(#/\bbr0\b/#, with: hostBridge)
        result = result.replacing("192.168.122.", with: "\(host.subnet).")
        result = result.replacing(#/state: running/#, with: "state: shutoff")
        return result
    }
}
