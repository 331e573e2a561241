import Foundation
import LibvirtXML
import Synchronization
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncReport

extension Reconciler {
    /// Checks the newest revision against the host and applies it when valid; otherwise reconciles the
    /// last good one. A pass whose newest revision is refused ends `refused` whatever else it did, so
    /// that nothing reports success while the host is not at git's revision.
    func pass(trigger: ReconcileTrigger, started: Date) -> ReconcileSummary {
        var summary = ReconcileSummary(
            startedAt: started,
            finishedAt: started,
            trigger: trigger.rawValue,
            revision: nil,
            result: .inSync
        )
        if let candidate {
            switch verdict(candidate, &summary) {
            case .unreadable:
                return summary
            case .valid(let planned):
                if lastGood?.revision != candidate.revision { previousGood = lastGood }
                lastGood = candidate
                self.candidate = nil
                refusedRevision = nil
                healthGate?.badRevision.clear()
                return apply(planned, &summary)
            case .refused(let reason, let lasting):
                if refusedRevision != candidate.revision { refuse(candidate.revision, reason) }
                // Nothing about the host can lift a guard, only git: refused until the next revision.
                if lasting { self.candidate = nil }
            }
        }
        guard let lastGood else {
            summary.revision = refusedRevision
            summary.result = refusedRevision == nil ? .sourceFailed : .refused
            summary.error = status.lastError
            return summary
        }
        switch verdict(lastGood, &summary) {
        case .unreadable:
            return summary
        case .refused(let reason, _):
            // The host lost something the applied revision uses (a network undefined by hand), or a guard.
            return failed(&summary, "revision \(lastGood.revision) cannot be applied to this host now: \(reason)")
        case .valid(let planned):
            summary = apply(planned, &summary)
        }
        if let refusedRevision, summary.result != .failed {
            summary.result = .refused
            summary.error = status.lastError ?? "revision \(refusedRevision) refused"
        }
        return summary
    }

    private enum Verdict {
        case valid(SyncSession.Planned)
        /// `lasting`: only a new revision can change it (a guard), not the host.
        case refused(String, lasting: Bool)
        /// The host could not be read; the summary says why.
        case unreadable
    }

    /// The one stage (the revision checked against the host and planned), then the guards.
    private func verdict(_ revision: RevisionManifests, _ summary: inout ReconcileSummary) -> Verdict {
        summary.revision = revision.revision
        let checked: CheckedRevision
        do {
            checked = try session.check(
                revision,
                options: PlanOptions(prune: policy.prune, revision: revision.revision)
            )
        } catch {
            summary = failed(&summary, "\(error)")
            return .unreadable
        }
        switch checked {
        case .refused(let refusal):
            return .refused(refusal.description, lasting: false)
        case .valid(let planned):
            let guards = RevisionGuard(maxDestroyShare: policy.maxDestroyShare, refusesEmptySelection: true)
            if let refusal = guards.refusal(planned) { return .refused(refusal.description, lasting: true) }
            return .valid(planned)
        }
    }

    /// Applies what the mode allows of a valid plan and reports it.
    private func apply(
        _ planned: SyncSession.Planned,
        _ summary: inout ReconcileSummary,
        afterRollback: Bool = false
    ) -> ReconcileSummary {
        let manifests = Dictionary(planned.manifests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Watch the revision's objects before applying it: events of this pass's own writes, or of an edit
        // made meanwhile, must start the next pass, not be dropped as unmanaged.
        watched.withLock { $0.formUnion(manifests.keys) }
        let directories = planned.manifests.compactMap { manifest -> (String, String)? in
            let path: String? =
                switch manifest.spec {
                case .storagePool(let spec): spec.targetPath
                case .rawXML(let raw) where raw.kind == .storagePool: raw.xml.descendant("target/path")?.text
                default: nil
                }
            return path.map { ($0, manifest.id.name) }
        }
        watchedDirectories.withLock { $0 = Dictionary(directories, uniquingKeysWith: { first, _ in first }) }
        let drift = Set(planned.plan.steps.filter { origin.isDrift($0, current: manifests[$0.id]) }.map(\.id))
        reportFindings(planned.plan, drift: drift, revision: planned.revision)
        var allowed = planned
        if policy.mode == .report { allowed.plan.steps.removeAll { drift.contains($0.id) } }
        let gated =
            healthGate?.prepare(
                allowed.plan,
                manifests: manifests,
                drift: drift,
                session: session,
                base: status.lastAppliedRevision
            ) ?? []
        let report: ApplyReport
        do {
            report = allowed.plan.pending.isEmpty ? ApplyReport() : try session.apply(allowed)
        } catch {
            return failed(&summary, "\(error)")
        }
        reportOutcomes(report, plan: planned.plan, drift: drift, revision: planned.revision)
        if let reason = gateHealth(gated, report: report, revision: planned.revision) {
            // Once more with the previous good revision, so whatever else the bad one changed goes back too.
            if !afterRollback, let previous = lastGood, case .valid(let again) = verdict(previous, &summary) {
                summary = apply(again, &summary, afterRollback: true)
            }
            summary.result = .rolledBack
            summary.error = reason
            return summary
        }
        remember(planned.plan, report: report, manifests: manifests)
        status.objects = ObjectStatusBuilder(plan: planned.plan, report: report, drift: drift, mode: policy.mode)
            .statuses()
        recordAddresses()
        pruneImageCache(planned.manifests)
        if report.succeeded && planned.plan.refused.isEmpty {
            status.lastAppliedRevision = planned.revision
            status.lastAppliedAt = Date()
            // A refused newer revision stays the last error until a valid one replaces it.
            if refusedRevision == nil { status.lastError = nil }
        }
        summary.changes = report.outcomes.filter(\.succeeded).count
        summary.failures = report.failures.count + planned.plan.refused.count
        summary.result =
            summary.failures > 0
            ? .failed
            : summary.changes > 0
                ? .applied
                : status.objects.contains { $0.state == .drifted } ? .drifted : .inSync
        return summary
    }

    func failed(_ summary: inout ReconcileSummary, _ error: String) -> ReconcileSummary {
        status.lastError = error
        reporter.report(.reconcileFailed(error: error, revision: summary.revision))
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
                reporter.report(
                    .failed(
                        ApplyFailure(object: step.id, message: step.notes.joined(separator: "; ")),
                        revision: revision
                    )
                )
            }
            // Once applied, the definition matches git and only the live side still differs: fewer
            // fields, the same pending restart, not announced again.
            if step.change == .pendingRestart,
                !step.fields.allSatisfy({ reportedDrift[step.id]?.contains($0) ?? false })
            {
                reporter.report(.pendingRestart(step.id, fields: step.fields, revision: revision))
            }
        }
        reportedDrift = Dictionary(plan.steps.map { ($0.id, $0.fields) }, uniquingKeysWith: { first, _ in first })
    }

    private func reportOutcomes(_ report: ApplyReport, plan: Plan, drift: Set<ObjectID>, revision: String) {
        let fields = Dictionary(plan.steps.map { ($0.id, $0.fields) }, uniquingKeysWith: { first, _ in first })
        for outcome in report.outcomes {
            if let failure = outcome.failure {
                reporter.report(.failed(failure, revision: revision))
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
        origin.keepFingerprints(of: manifests.keys)
    }
}
