/// One place where a document breaks a RelaxNG schema (or is not well-formed XML), as libxml2 reports it.
public struct SchemaProblem: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line in the validated text (0 when libxml2 gives none).
    public var line: Int
    /// The offending element as a path of names (`/domain/devices/disk[2]/driver`), or "" for the document.
    public var path: String
    /// libxml2's message, one line.
    public var message: String

    public init(line: Int, path: String, message: String) {
        self.line = line
        self.path = path
        self.message = message
    }

    public var description: String { "\(line): \(path.isEmpty ? "" : "\(path): ")\(message)" }
}
