public import VirtsyncManifest

/// What the host makes of a revision: valid, with its plan, or refused whole. An enum, so that no
/// caller reaches a plan without saying what it does with a refusal.
public enum CheckedRevision: Sendable {
    /// Every manifest is valid for this host; the plan may still hold refused steps (a shrink).
    case valid(SyncSession.Planned)
    /// Something is wrong, found in the files or only against the host: nothing of it may be applied.
    case refused(RevisionRefusal)

    /// The plan, or the refusal thrown: for callers whose only answer to a refusal is to stop.
    public func planned() throws(RevisionRefusal) -> SyncSession.Planned {
        switch self {
        case .valid(let planned): return planned
        case .refused(let refusal): throw refusal
        }
    }
}

/// Why a revision is refused: every error (syntax, schema, references, the host's answer), with the
/// warnings beside them, in file order.
public struct RevisionRefusal: Error, Sendable, CustomStringConvertible {
    public var revision: String
    public var diagnostics: [ManifestError]

    public init(revision: String, diagnostics: [ManifestError]) {
        self.revision = revision
        self.diagnostics = diagnostics
    }

    public var errors: [ManifestError] { diagnostics.filter { $0.severity == .error } }

    /// One error per line: each names its file, line, field and the reference or value at fault.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
