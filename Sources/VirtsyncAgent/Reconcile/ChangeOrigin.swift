import VirtsyncManifest
import VirtsyncPlan

/// Tells drift from intentional change: a step is drift when git did not change the object's manifest
/// since the agent last applied it, so the host moved on its own (somebody edited it by hand).
struct ChangeOrigin {
    /// The manifests as last applied successfully, by object.
    var lastApplied: [ObjectID: Manifest]

    func isDrift(_ step: PlanStep, current: Manifest?) -> Bool {
        // A pending restart is git's own change waiting for the object to restart (the definition
        // already matches git): after it is applied, the next pass sees the same step again.
        guard step.change != .pendingRestart, let current, let applied = lastApplied[step.id] else { return false }
        // Positions are not the manifest: a line moved in the file is no change to the object.
        return applied.spec == current.spec && applied.metadata == current.metadata
    }
}
