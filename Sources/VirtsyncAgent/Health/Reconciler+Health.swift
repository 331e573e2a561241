import Foundation
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncReport

extension Reconciler {
    /// Watches the domains a pass (re)started for their health checks. When one fails (and was put back),
    /// reports `health-failed` and `rolled-back`, refuses the revision on this host (kept across
    /// restarts), makes the previous good revision the one applied again, and returns why.
    func gateHealth(_ gated: [HealthGate.Gated], report: ApplyReport, revision: String) -> String? {
        guard let gate = healthGate, !gated.isEmpty else { return nil }
        var reasons: [String] = []
        for outcome in gate.check(gated, report: report, session: session) {
            guard case .failed(let reason, let after) = outcome.verdict else { continue }
            reporter.report(.healthFailed(outcome.id, reason: reason, revision: revision))
            var sentence = "\(outcome.id) failed its health check after \(HealthProbe.format(after)): \(reason)"
            if let restored = outcome.restoredAfter {
                reporter.report(.rolledBack(outcome.id, previous: outcome.previousRevision, revision: revision))
                sentence += "; rolled back to its previous definition in \(HealthProbe.format(restored))"
            } else {
                var failure = outcome.restoreFailure ?? ApplyFailure(object: outcome.id, message: "unknown error")
                failure.message = "rollback failed: \(failure.message)"
                reporter.report(.failed(failure, revision: revision))
                sentence += "; \(failure.message)"
            }
            reasons.append(sentence)
        }
        guard !reasons.isEmpty else { return nil }
        let reason = reasons.joined(separator: "\n")
        refuse(revision, reason)
        gate.badRevision.mark(revision, reason: reason)
        lastGood = previousGood?.revision == revision ? nil : previousGood
        previousGood = nil
        return reason
    }
}
