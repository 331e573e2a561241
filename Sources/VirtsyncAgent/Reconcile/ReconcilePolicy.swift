public import VirtsyncManifest

/// What a reconcile may do, from the agent's config.
public struct ReconcilePolicy: Sendable {
    /// `enforce` repairs drift; `report` tells about it and only applies what git changed.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable { case enforce, report }

    public var mode: Mode
    public var prune: Bool
    /// A revision that would destroy more than this share of the managed objects is refused.
    public var maxDestroyShare: Double
    public var allowedPaths: [String]
    /// Directories of the repository this host applies (`hosts/${hostname}` already expanded).
    public var paths: [String]
    public var selector: HostSelector

    public init(
        mode: Mode = .enforce,
        prune: Bool = false,
        maxDestroyShare: Double = 0.3,
        allowedPaths: [String] = ["/var/lib/libvirt/images"],
        paths: [String] = [""],
        selector: HostSelector
    ) {
        self.mode = mode
        self.prune = prune
        self.maxDestroyShare = maxDestroyShare
        self.allowedPaths = allowedPaths
        self.paths = paths
        self.selector = selector
    }
}
