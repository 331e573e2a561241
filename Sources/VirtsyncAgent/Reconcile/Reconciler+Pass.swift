import Foundation
import Synchronization
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncReport

extension Reconciler {
    /// Plans the host against one valid revision, applies what the mode allows and reports it.
    func reconcile(_ snapshot: ManifestSnapshot, trigger: ReconcileTrigger, started: Date) -> ReconcileSummary {
        var summary = ReconcileSummary(
            startedAt: started, finishedAt: started, trigger: trigger.rawValue, revision: snapshot.revision, result: .inSync)
        let planned: SyncSession.Planned
        do {
            planned = try session.plan(
                snapshot.manifests, allowedPaths: policy.allowedPaths,
                options: PlanOptions(prune: policy.prune, revision: snapshot.revision))
        } catch {
            return failed(&summary, "\(error)")
        }
        if let reason = DestroyGuard(maxShare: policy.maxDestroyShare).refusal(planned) {
            // Reported once per revision; every pass until git changes refuses it again, quietly.
            if refusedRevision != snapshot.revision { refuse(snapshot.revision, reason) }
            summary.result = .refused
            summary.error = reason
            return summary
        }
        let manifests = Dictionary(snapshot.manifests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Watch the revision's objects before applying it: events of this pass's own writes, or of an edit
        // made meanwhile, must start the next pass, not be dropped as unmanaged.
        let names = Set(manifests.keys.map { "\($0.kind.rawValue)/\($0.name)" })
        watched.withLock { $0.formUnion(names) }
        let drift = Set(planned.plan.steps.filter { origin.isDrift($0, current: manifests[$0.id]) }.map(\.id))
        reportFindings(planned.plan, drift: drift, revision: snapshot.revision)
        var allowed = planned
        if policy.mode == .report { allowed.plan.steps.removeAll { drift.contains($0.id) } }
        let report: ApplyReport
        do {
            report = allowed.plan.pending.isEmpty ? ApplyReport() : try session.apply(allowed)
        } catch {
            return failed(&summary, "\(error)")
        }
        reportOutcomes(report, plan: planned.plan, drift: drift, revision: snapshot.revision)
        remember(planned.plan, report: report, manifests: manifests)
        status.objects = ObjectStatusBuilder(plan: planned.plan, report: report, drift: drift, mode: policy.mode).statuses()
        recordAddresses()
        if report.succeeded && planned.plan.refused.isEmpty {
            status.lastAppliedRevision = snapshot.revision
            status.lastAppliedAt = Date()
            // A refused newer revision stays the last error until a valid one replaces it.
            if refusedRevision == nil { status.lastError = nil }
        }
        summary.changes = report.outcomes.filter(\.succeeded).count
        summary.failures = report.failures.count + planned.plan.refused.count
        summary.result = summary.failures > 0 ? .failed
            : summary.changes > 0 ? .applied
            : status.objects.contains { $0.state == .drifted } ? .drifted : .inSync
        return summary
    }

    private func failed(_ summary: inout ReconcileSummary, _ error: String) -> ReconcileSummary {
        status.lastError = error
        reporter.report(.failed(nil, error: error, revision: summary.revision))
        summary.result = .failed
        summary.error = error
        return summary
    }

    /// Drift, refusals and pending restarts, each reported once while it lasts.
    private func reportFindings(_ plan: Plan, drift: Set<ObjectID>, revision: String) {
        for step in plan.steps {
            if drift.contains(step.id), reportedDrift[step.id] != step.fields {
                reporter.report(.drift(step.id, fields: step.fields, revision: revision))
            }
            if step.change == .refused, reportedDrift[step.id] != step.fields {
                reporter.report(.failed(step.id, error: step.notes.joined(separator: "; "), revision: revision))
            }
            // Once applied, the definition matches git and only the live side still differs: fewer
            // fields, the same pending restart, not announced again.
            if step.change == .pendingRestart, !step.fields.allSatisfy({ reportedDrift[step.id]?.contains($0) ?? false }) {
                reporter.report(.pendingRestart(step.id, fields: step.fields, revision: revision))
            }
        }
        reportedDrift = Dictionary(plan.steps.map { ($0.id, $0.fields) }, uniquingKeysWith: { first, _ in first })
    }

    private func reportOutcomes(_ report: ApplyReport, plan: Plan, drift: Set<ObjectID>, revision: String) {
        let fields = Dictionary(plan.steps.map { ($0.id, $0.fields) }, uniquingKeysWith: { first, _ in first })
        for outcome in report.outcomes {
            if !outcome.succeeded {
                reporter.report(.failed(outcome.id, error: outcome.error ?? "failed", revision: revision))
            } else if drift.contains(outcome.id) {
                reporter.report(.driftRepaired(outcome.id, fields: fields[outcome.id] ?? [], revision: revision))
                reportedDrift[outcome.id] = nil
            } else {
                reporter.report(.applied(outcome.id, change: outcome.change, revision: revision))
                // A pending restart lasts past its apply: keep it as reported so the next pass does not
                // announce it again.
                reportedDrift[outcome.id] = outcome.change == .pendingRestart ? fields[outcome.id] : nil
            }
        }
    }

    /// The manifests now known to be applied: in sync, or applied without error.
    private func remember(_ plan: Plan, report: ApplyReport, manifests: [ObjectID: Manifest]) {
        let before = origin.lastApplied
        for id in plan.inSync { origin.applied(id, manifests[id]) }
        for outcome in report.outcomes where outcome.succeeded {
            switch outcome.change {
            case .destroy, .release: origin.applied(outcome.id, nil)
            default: origin.applied(outcome.id, manifests[outcome.id])
            }
        }
        if origin.lastApplied != before { origin.save() }
    }
}
