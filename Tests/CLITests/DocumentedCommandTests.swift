import ArgumentParser
import Foundation
import Testing

@testable import virtsync

/// Every `virtsync` command line the README and docs/ show in a code block is one the command line
/// accepts: its verb exists and every flag it uses is spelled as the parser knows it.
@Suite("Documented commands")
struct DocumentedCommandTests {
    @Test("every command line in a code block of the README and docs/ parses")
    func documentedCommandsParse() throws {
        let commands = try Self.documentedCommands()
        #expect(commands.count >= 12, "\(commands.count) commands found")
        for (page, words) in commands {
            do {
                _ = try Virtsync.parseAsRoot(words)
            } catch {
                // `--version` and `--help` end parsing by design (a clean exit), not by an error.
                let message = Virtsync.message(for: error)
                #expect(
                    Virtsync.exitCode(for: error).rawValue == 0,
                    "\(page): virtsync \(words.joined(separator: " ")): \(message)"
                )
            }
        }
    }

    /// (page, arguments) of each `virtsync …` line in a fenced block; synopsis lines (with `[`, `(` or
    /// `...`) are the reference's own grammar, not commands, and are left out.
    static func documentedCommands() throws -> [(String, [String])] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        var commands: [(String, [String])] = []
        for page in ["README.md"] + docs.sorted() {
            let text = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            commands += lines(inCodeBlocksOf: text).compactMap(arguments).map { (page, $0) }
        }
        return commands
    }

    /// Lines inside ``` fences, with `\` continuations joined.
    static func lines(inCodeBlocksOf text: String) -> [String] {
        var inside = false
        var lines: [String] = []
        var pending = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inside.toggle()
                continue
            }
            guard inside else { continue }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            lines.append(pending + line)
            pending = ""
        }
        return lines
    }

    /// The arguments after `virtsync`, without a trailing comment or redirection; shell words simplified
    /// to what the docs use (a quoted word is one word, `$(…)`, `$VAR` and `${{ … }}` stay placeholders).
    static func arguments(_ line: String) -> [String]? {
        var text = line.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("$ ") { text.removeFirst(2) }
        guard text.hasPrefix("virtsync ") else { return nil }
        if let comment = text.range(of: " #") { text = String(text[..<comment.lowerBound]) }
        guard !text.contains("["), !text.contains("..."), !text.contains(" | "), !text.contains("(--") else {
            return nil
        }
        text = text.replacingOccurrences(of: #"\$\{\{[^}]*\}\}"#, with: "placeholder", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\$\([^)]*\)"#, with: "/tmp/placeholder", options: .regularExpression)
        if let redirection = text.range(of: " > ") { text = String(text[..<redirection.lowerBound]) }
        return Array(words(text).dropFirst())
    }

    /// Words split on spaces, a single- or double-quoted run kept as one word without its quotes.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == " " {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }
}
