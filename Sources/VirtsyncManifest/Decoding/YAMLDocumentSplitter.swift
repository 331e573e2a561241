/// Cuts a YAML stream into one text per document, so a syntax error in one document (which stops
/// libyaml for good) cannot hide the documents after it.
///
/// Each piece keeps its place in the file: it is padded with the newlines before it, so the marks
/// Yams gives are the file's own lines. A `---` at column 0 always starts a document (even a block
/// scalar ends there), so cutting on it is safe.
enum YAMLDocumentSplitter {
    static func documents(in text: String) -> [String] {
        // Most files hold one document, and cutting costs more than parsing a small one: without a
        // line that starts with `---` after the first, the text is its own one document.
        guard mayHoldSeveral(text) else { return [text] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var starts = [0]
        for (index, line) in lines.enumerated() where index > 0 && isDocumentStart(line) {
            // Lines before the first marker that say nothing (comments, directives) belong to that document.
            if starts == [0], lines[0..<index].allSatisfy(isPreamble) { continue }
            starts.append(index)
        }
        return starts.indices.map { position in
            let start = starts[position]
            let end = position + 1 < starts.count ? starts[position + 1] : lines.count
            return String(repeating: "\n", count: start) + lines[start..<end].joined(separator: "\n")
        }
    }

    /// Whether `\n---` occurs: only then can a line after the first start a document.
    private static func mayHoldSeveral(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= 4 else { return false }
            for index in 0..<(bytes.count - 3)
            where bytes[index] == 0x0A && bytes[index + 1] == 0x2D && bytes[index + 2] == 0x2D
                && bytes[index + 3] == 0x2D
            {
                return true
            }
            return false
        }
        return found ?? true
    }

    private static func isDocumentStart(_ line: Substring) -> Bool {
        line == "---" || line.hasPrefix("--- ") || line.hasPrefix("---\t") || line == "---\r"
    }

    private static func isPreamble(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed == "\r" || trimmed.hasPrefix("#") || trimmed.hasPrefix("%")
    }
}
