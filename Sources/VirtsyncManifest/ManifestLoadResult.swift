/// What loading a set of files gives: the manifests that read cleanly, and every problem found.
public struct ManifestLoadResult: Sendable {
    /// Manifests in file order, then document order; documents with errors are left out.
    public var manifests: [Manifest]
    /// Errors and warnings, sorted by file, line and column.
    public var diagnostics: [ManifestError]

    public init(manifests: [Manifest], diagnostics: [ManifestError]) {
        self.manifests = manifests
        self.diagnostics = diagnostics.sortedByLocation()
    }

    /// True when any diagnostic is an error: the revision must then be refused whole.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension [ManifestError] {
    /// By file, line and column; diagnostics at one position keep the order they were found in.
    public func sortedByLocation() -> [ManifestError] {
        enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.location, rhs.element.location)
            return (a.file, a.line, a.column, lhs.offset) < (b.file, b.line, b.column, rhs.offset)
        }.map(\.element)
    }
}
