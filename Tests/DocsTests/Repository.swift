import Foundation

/// The repository's files, found from this source file's place (Tests/DocsTests/).
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// README.md and every page under docs/.
    static func pages() throws -> [String] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
    }

    /// The fenced code blocks of a Markdown text with the given info string (`yaml`, `bash`).
    static func codeBlocks(_ markdown: String, language: String) -> [String] {
        var blocks: [String] = []
        var fence: (language: Substring, lines: [Substring])?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let open = fence {
                    if open.language == language { blocks.append(open.lines.joined(separator: "\n")) }
                    fence = nil
                } else {
                    fence = (line.dropFirst(3), [])
                }
            } else {
                fence?.lines.append(line)
            }
        }
        return blocks
    }
}
