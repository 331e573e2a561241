import VirtsyncHost
import VirtsyncPlan

/// Refuses a revision that would destroy more than a share of the managed objects: a path typo or a
/// bad merge should not wipe a host.
struct DestroyGuard {
    var maxShare: Double

    func refusal(_ planned: SyncSession.Planned) -> String? {
        let managed = planned.inventory.count
        let destroys = planned.plan.steps.filter { $0.change == .destroy }.count
        guard managed > 0, destroys > 0, Double(destroys) / Double(managed) > maxShare else { return nil }
        return "it would destroy \(destroys) of \(managed) managed objects, more than maxDestroyShare \(maxShare)"
    }
}
