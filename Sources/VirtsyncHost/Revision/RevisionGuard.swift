import VirtsyncPlan

/// The guards between a valid plan and the host, one implementation for the agent and `apply --prune`:
/// a path typo, a forgotten `--host-name` or a bad merge should not wipe a host.
public struct RevisionGuard: Sendable {
    /// A plan that destroys more than this share of the managed objects is refused.
    public var maxDestroyShare: Double
    /// Refuse a revision that selects nothing for this host. The agent always does; the command line
    /// does when it prunes (without prune an empty selection changes nothing).
    public var refusesEmptySelection: Bool

    public init(maxDestroyShare: Double = 0.3, refusesEmptySelection: Bool = true) {
        self.maxDestroyShare = maxDestroyShare
        self.refusesEmptySelection = refusesEmptySelection
    }

    /// Why a guard stops the plan.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        case emptySelection(host: String)
        case destroyShare(destroys: Int, managed: Int, limit: Double)

        public var description: String {
            switch self {
            case .emptySelection(let host):
                "no manifests select this host ('\(host)'): an empty selection is refused"
            case .destroyShare(let destroys, let managed, let limit):
                "it would destroy \(destroys) of \(managed) managed objects, more than the allowed share \(limit)"
            }
        }
    }

    public func refusal(_ planned: SyncSession.Planned) -> Refusal? {
        if refusesEmptySelection, planned.manifests.isEmpty { return .emptySelection(host: planned.hostName) }
        let managed = planned.inventory.count
        let destroys = planned.plan.steps.filter { $0.change == .destroy }.count
        guard managed > 0, destroys > 0, Double(destroys) / Double(managed) > maxDestroyShare else { return nil }
        return .destroyShare(destroys: destroys, managed: managed, limit: maxDestroyShare)
    }
}
