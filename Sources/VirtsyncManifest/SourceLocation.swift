/// Where something was written: a file, and a 1-based line and column in it.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL`, the form editors and CI annotations understand.
    public var description: String { "\(file):\(line):\(column)" }
}
