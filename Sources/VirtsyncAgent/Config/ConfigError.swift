public import VirtsyncManifest

/// Everything wrong with an agent config file, compiler style, one line each:
/// `FILE:LINE:COL: error: KEY.PATH: message`.
///
/// The agent refuses to start on any of them, so all are gathered in one pass and shown together.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem, at the position of the key or value it is about.
    public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
        public var location: SourceLocation
        /// The key path in the file (`source.auth.tokenFile`, `paths[1]`); empty for the file itself.
        public var key: String
        public var message: String

        public init(_ location: SourceLocation, key: String, _ message: String) {
            self.location = location
            self.key = key
            self.message = message
        }

        public var description: String {
            "\(location): error: \(key.isEmpty ? "" : "\(key): ")\(message)"
        }
    }

    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
