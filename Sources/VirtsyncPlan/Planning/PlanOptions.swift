/// How a plan treats what it finds: the CLI's flags and the agent's config.
public struct PlanOptions: Sendable, Hashable {
    /// Remove inventory objects whose manifests left (volumes only with `deletionPolicy: Delete`).
    public var prune: Bool
    /// Take over an unmanaged object whose name a manifest uses, instead of refusing.
    public var adopt: Bool
    /// The source revision written into each domain's mark (a git commit, or the manifest path).
    public var revision: String?

    public init(prune: Bool = false, adopt: Bool = false, revision: String? = nil) {
        self.prune = prune
        self.adopt = adopt
        self.revision = revision
    }
}
