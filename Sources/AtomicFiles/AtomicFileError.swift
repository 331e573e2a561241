/// A file `AtomicFile.write` could not write: the path that failed (the target, its temporary file or
/// its directory) and why.
public struct AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `"<path>: <message>"`.
    public var description: String { "\(path): \(message)" }
}
