import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncReport

/// Each managed object's state after a pass, for the status file and the metrics.
struct ObjectStatusBuilder {
    var plan: Plan
    var report: ApplyReport
    var drift: Set<ObjectID>
    var mode: ReconcilePolicy.Mode

    func statuses() -> [ObjectStatus] {
        let outcomes = Dictionary(report.outcomes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result = plan.inSync.map { ObjectStatus(id: $0, state: .inSync) }
        for step in plan.steps {
            result.append(status(of: step, outcome: outcomes[step.id]))
        }
        return result.sorted { $0.id < $1.id }
    }

    private func status(of step: PlanStep, outcome: ApplyReport.Outcome?) -> ObjectStatus {
        var status = ObjectStatus(id: step.id, state: .inSync, drift: step.fields, manifest: step.manifest)
        if step.suspended {
            status.state = .suspended
        } else if step.change == .refused {
            status.state = .failed
            status.error = step.notes.joined(separator: "; ")
        } else if let outcome, !outcome.succeeded {
            status.state = .failed
            status.error = outcome.error
        } else if outcome == nil && drift.contains(step.id) && !step.operations.isEmpty {
            status.state = .drifted
        } else if step.change == .pendingRestart && !step.operations.contains(.start) {
            status.state = .pendingRestart
        } else if step.change == .destroy || step.change == .release {
            status.state = .pruned
            status.drift = []
        } else {
            status.state = .inSync
            status.drift = []
        }
        return status
    }
}
