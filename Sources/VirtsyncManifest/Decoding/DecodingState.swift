package import Yams

/// What decoding one file (a manifest file, or the agent's config) gathers: its diagnostics, and the
/// positions of the fields of the document at hand.
///
/// A class because every `Field` of a document reports into the same place while the tree is walked.
package final class DecodingState {
    package let file: String
    package let dialect: DecodingDialect
    package private(set) var diagnostics: [ManifestError] = []
    /// Field path → where it was written, for the document being decoded; the validator reports there.
    var locations: [String: SourceLocation] = [:]

    private let text: String
    /// Cut only when a block scalar's indentation is asked for: most files have none, and cutting a
    /// text into lines costs more than parsing a small manifest.
    private lazy var lines: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false)

    package init(file: String, text: String = "", dialect: DecodingDialect = .manifest) {
        self.file = file
        self.dialect = dialect
        self.text = text
    }

    /// Leading spaces of a 1-based line of the file: where a block scalar's content really starts.
    func indent(ofLine line: Int) -> Int {
        guard lines.indices.contains(line - 1) else { return 0 }
        return lines[line - 1].prefix { $0 == " " }.count
    }

    package var errorCount: Int { diagnostics.count { $0.severity == .error } }

    package func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    package func error(at mark: Mark?, _ field: String, _ message: String) {
        diagnostics.append(ManifestError(location(mark), field: field, message))
    }

    func error(at location: SourceLocation, _ field: String, _ message: String) {
        diagnostics.append(ManifestError(location, field: field, message))
    }

    func record(_ path: String, _ mark: Mark?) {
        if locations[path] == nil { locations[path] = location(mark) }
    }
}
