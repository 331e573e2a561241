/// One thing wrong with a manifest, compiler style: `FILE:LINE:COL: error: FIELD: MESSAGE`.
public struct ManifestError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var location: SourceLocation
    /// The field path inside the document (`spec.devices.disks[0].cache`); empty for the document itself.
    public var field: String
    public var message: String
    public var severity: Severity

    public init(_ location: SourceLocation, field: String, _ message: String, severity: Severity = .error) {
        self.location = location
        self.field = field
        self.message = message
        self.severity = severity
    }

    public var description: String {
        let subject = field.isEmpty ? "" : "\(field): "
        return "\(location): \(severity.rawValue): \(subject)\(message)"
    }
}

/// Every error found in a set of manifests: a revision is refused whole when this is non-empty.
public struct ManifestErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ManifestError]
    public init(_ errors: [ManifestError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
