/// Where the agent's manifests come from: a git repository (`GitSource`) or, for tests and one-shot
/// runs, a directory. `update()` brings it up to date and says which revision its files are at.
public protocol ManifestSource: Sendable {
    func update() async throws -> SourceSnapshot
}

/// One revision of the source, checked out in a directory.
public struct SourceSnapshot: Sendable, Hashable {
    /// A commit id, or another stable name of the content.
    public var revision: String
    /// The directory whose files are the revision's (the repository's work tree).
    public var directory: String
    /// The revision before this update, nil on the first.
    public var previous: String?
    /// The new revision does not descend from the previous one: somebody force-pushed.
    public var forced: Bool

    public init(revision: String, directory: String, previous: String? = nil, forced: Bool = false) {
        self.revision = revision
        self.directory = directory
        self.previous = previous
        self.forced = forced
    }
}
