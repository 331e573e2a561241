/// `source.preview`: refs planned against this host besides `source.ref`, and never applied.
public struct PreviewConfig: Sendable, Hashable {
    /// Globs of full ref names, one `*` each (libgit2 refspecs): `refs/pull/*/head` (GitHub, Gitea),
    /// `refs/merge-requests/*/head` (GitLab), `refs/heads/preview/*` (plain git). Empty: no previews.
    public var refs: [String] = []
    /// At most this many refs are kept; beyond it the highest-numbered (newest) win.
    public var maxRefs = 20
    /// A ref is planned at most once per this interval, however often it moves.
    public var minInterval = Duration.seconds(30)

    public init(refs: [String] = [], maxRefs: Int = 20, minInterval: Duration = .seconds(30)) {
        self.refs = refs
        self.maxRefs = maxRefs
        self.minInterval = minInterval
    }

    public var isEnabled: Bool { !refs.isEmpty }
}
