import VirtsyncManifest
import VirtsyncPlan

/// Tells drift from intentional change: a step is drift when git did not change the object's manifest
/// since the agent last applied it, so the host moved on its own (somebody edited it by hand).
struct ChangeOrigin {
    /// The manifests as last applied successfully, by object.
    var lastApplied: [ObjectID: Manifest]

    func isDrift(_ step: PlanStep, current: Manifest?) -> Bool {
        guard let current, let applied = lastApplied[step.id] else { return false }
        // Positions are not the manifest: a line moved in the file is no change to the object.
        return applied.spec == current.spec && applied.metadata == current.metadata
    }
}
