/// A schema libxml2 could not read (missing file, broken grammar).
public struct RelaxNGError: Error, Sendable, Hashable, CustomStringConvertible {
    public var schema: String
    public var message: String

    public init(schema: String, message: String) {
        self.schema = schema
        self.message = message
    }

    public var description: String { "cannot read RelaxNG schema \(schema): \(message)" }
}
