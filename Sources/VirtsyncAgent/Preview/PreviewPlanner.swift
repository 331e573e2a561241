import Foundation
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncReport
import VirtsyncSource

/// One ref's revision planned for this host against the live host, nothing applied: the same stages as
/// a reconcile up to the plan (load, validate, select, validate against the host, plan, destroy guard),
/// each refusal becoming the preview's `error` as the reconcile would report it.
struct PreviewPlanner {
    let policy: ReconcilePolicy

    func preview(ref: String, snapshot: SourceSnapshot, base: String?, session: SyncSession) -> PreviewStatus {
        var preview = PreviewStatus(ref: ref, revision: snapshot.revision, base: base, plannedAt: Date(), steps: [])
        do {
            let loaded = try ManifestSnapshot(snapshot, policy: policy)
            if !loaded.errors.isEmpty {
                preview.error = loaded.errors.map(\.description).joined(separator: "\n")
                return preview
            }
            if loaded.manifests.isEmpty {
                preview.error = "no manifests for this host: an empty revision is refused"
                return preview
            }
            let planned = try session.plan(
                loaded.manifests, allowedPaths: policy.allowedPaths,
                options: PlanOptions(prune: policy.prune, revision: snapshot.revision))
            if planned.hasErrors {
                preview.error = planned.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
                return preview
            }
            // Shown with the refusal: the reviewer sees what would have been destroyed.
            preview.error = DestroyGuard(maxShare: policy.maxDestroyShare).refusal(planned).map { "revision refused: \($0)" }
            preview.steps = planned.plan.steps.map(PreviewStep.init)
            preview.inSync = planned.plan.inSync.count
        } catch {
            preview.error = "\(error)"
        }
        return preview
    }
}
