import VirtsyncManifest
import VirtsyncPlan

/// How an apply changes the inventory: objects are listed before they are created (so a crash midway
/// leaves nothing unowned behind) and settled afterwards from what really happened.
struct InventoryUpdate {
    let desired: [ObjectID: Inventory.Entry]
    let plan: Plan

    init(manifests: [Manifest], plan: Plan) {
        var desired: [ObjectID: Inventory.Entry] = [:]
        for manifest in manifests {
            let policy = ManifestPolicy(manifest)
            var entry = Inventory.Entry(
                id: manifest.id,
                deletionPolicy: policy.deletionPolicy,
                manifest: manifest.location.file,
                shutdownTimeoutSeconds: manifest.kind == .domain ? policy.shutdownTimeoutSeconds : nil
            )
            entry.seedDigest = policy.seed?.cloudInit.digest
            entry.seedInstanceID = policy.seed?.instanceID
            desired[manifest.id] = entry
        }
        self.desired = desired
        self.plan = plan
    }

    /// Before applying: every object about to be created or adopted, and every in-sync one, is listed.
    func intent(_ inventory: Inventory) -> Inventory {
        var result = inventory
        for step in plan.pending where step.change != .destroy && step.change != .release {
            if let entry = desired[step.id] { result.record(entry) }
        }
        for id in plan.inSync { if let entry = desired[id] { result.record(entry) } }
        for step in plan.steps where step.change != .refused && step.operations.isEmpty && !step.suspended {
            if let entry = desired[step.id] { result.record(entry) }
        }
        return result
    }

    /// After applying: removals that happened are dropped; a create that wrote nothing is dropped again;
    /// a seed whose rewrite failed keeps the digest it had, so the next plan tries again.
    func settle(_ inventory: Inventory, after report: ApplyReport, before: Inventory? = nil) -> Inventory {
        var result = inventory
        for outcome in report.outcomes {
            switch (outcome.change, outcome.succeeded) {
            case (.destroy, true), (.release, true): result.remove(outcome.id)
            case (.create, false) where outcome.completed == 0: result.remove(outcome.id)
            case (.update, false):
                if let old = before?.entry(outcome.id), var entry = result.entry(outcome.id),
                    entry.seedDigest != old.seedDigest
                {
                    entry.seedDigest = old.seedDigest
                    entry.seedInstanceID = old.seedInstanceID
                    result.record(entry)
                }
            default: break
            }
        }
        return result
    }
}
