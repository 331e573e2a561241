import Foundation
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncReport
import VirtsyncSource

/// One ref's revision planned for this host against the live host, nothing applied: the same stage as a
/// reconcile (the revision loaded, checked for this host and planned: `SyncSession.check`), then the same
/// guards; each refusal becomes the preview's `error` as the reconcile would report it.
struct PreviewPlanner {
    let policy: ReconcilePolicy

    func preview(ref: String, snapshot: SourceSnapshot, base: String?, session: SyncSession) -> PreviewStatus {
        var preview = PreviewStatus(ref: ref, revision: snapshot.revision, base: base, plannedAt: Date(), steps: [])
        do {
            let revision = try RevisionManifests(snapshot, policy: policy)
            let checked = try session.check(
                revision,
                options: PlanOptions(prune: policy.prune, revision: snapshot.revision)
            )
            switch checked {
            case .refused(let refusal):
                preview.error = refusal.description
            case .valid(let planned):
                let guards = RevisionGuard(maxDestroyShare: policy.maxDestroyShare, refusesEmptySelection: true)
                // Shown with the refusal: the reviewer sees what would have been destroyed.
                preview.error = guards.refusal(planned).map { "revision refused: \($0.description)" }
                preview.steps = planned.plan.steps.map(PreviewStep.init)
                preview.inSync = planned.plan.inSync.count
            }
        } catch {
            preview.error = "\(error)"
        }
        return preview
    }
}
