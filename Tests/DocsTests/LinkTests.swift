import Foundation
import Testing

/// Every relative link of the README and the docs/ pages leads to a file of the repository, and every
/// `#anchor` to a heading of the page it names.
@Suite("documentation links")
struct LinkTests {
    @Test("every relative link and anchor resolves", arguments: try Repository.pages())
    func links(page: String) throws {
        let text = try Repository.text(page)
        let directory = URL(fileURLWithPath: page).deletingLastPathComponent().relativePath
        for link in Self.links(in: text) where !link.contains("://") && !link.hasPrefix("mailto:") {
            let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let file = parts[0].isEmpty ? page : Self.normalise(directory, String(parts[0]))
            let target = Repository.root.appendingPathComponent(file).path
            #expect(FileManager.default.fileExists(atPath: target), "\(page): link \(link): no file \(file)")
            if parts.count == 2, file.hasSuffix(".md"), FileManager.default.fileExists(atPath: target) {
                let anchors = Self.anchors(in: try Repository.text(file))
                #expect(
                    anchors.contains(String(parts[1])),
                    "\(page): link \(link): \(file) has no heading #\(parts[1])"
                )
            }
        }
    }

    @Test("the README stays a front door")
    func readmeIsShort() throws {
        let lines = try Repository.text("README.md").split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(lines <= 200, "README.md has \(lines) lines; the reference belongs in docs/")
    }

    /// Markdown link targets outside code blocks: `[text](target)`.
    static func links(in markdown: String) -> [String] {
        var inCode = false
        var links: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle() }
            guard !inCode else { continue }
            links += line.matches(of: /\]\(([^)\s]+)\)/).map { String($0.output.1) }
        }
        return links
    }

    /// GitHub's heading anchors: lower case, punctuation but `-` and `_` dropped, spaces to `-`.
    static func anchors(in markdown: String) -> Set<String> {
        var inCode = false
        var anchors: Set<String> = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle() }
            guard !inCode, line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
            let kept = title.unicodeScalars.filter {
                CharacterSet.alphanumerics.contains($0) || "-_ ".unicodeScalars.contains($0)
            }
            anchors.insert(String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-"))
        }
        return anchors
    }

    /// `docs` + `../manifests/x` → `manifests/x`.
    static func normalise(_ directory: String, _ relative: String) -> String {
        var parts = directory == "." || directory.isEmpty ? [] : directory.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/").map(String.init) {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }
}
