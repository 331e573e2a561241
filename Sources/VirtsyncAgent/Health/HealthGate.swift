import Foundation
import Libvirt
import Synchronization
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// The health gate of a reconcile: before a new revision (re)starts a domain that has `spec.health`, what
/// the domain was is kept (`RollbackStore`); afterwards the domain is watched (`HealthProbe`), and one
/// that fails is put back as it was (`DomainRollback`). The revision is then bad for this host until a
/// newer one arrives (`BadRevision`, kept across restarts).
///
/// Only a new revision's changes are gated: a drift repair that recreates a domain has no earlier
/// revision to go back to, so its failure is reported, never rolled back.
struct HealthGate: Sendable {
    let store: RollbackStore
    let badRevision: BadRevision
    /// Set once the rollback points a previous run left behind have been taken up.
    private let resumed = Once()

    init(stateDirectory: String) {
        store = RollbackStore(stateDirectory: stateDirectory)
        badRevision = BadRevision(stateDirectory: stateDirectory)
    }

    /// A domain the pass will (re)start, with its check.
    struct Gated: Sendable {
        var id: ObjectID
        var check: HealthCheck
        var rollback: RollbackPoint
        /// Left by a run that stopped during the check: watched whatever this pass applies.
        var resumed = false
    }

    /// One gated domain after the pass: healthy, or failed and (if the restore worked) rolled back.
    struct Outcome: Sendable {
        var id: ObjectID
        var verdict: HealthProbe.Verdict
        /// Seconds from the failed check to the previous definition running again; nil when not restored.
        var restoredAfter: Double?
        /// Why the previous definition could not be put back (libvirt's code kept); nil when it was.
        var restoreFailure: ApplyFailure?
        var previousRevision: String?
    }

    /// Creates, replaces and restarts of domains with a health check, their rollback points saved; on
    /// the first pass also the checks a previous run left unfinished (it was stopped or crashed during
    /// one), so a change is not let through just because the agent restarted.
    func prepare(
        _ plan: Plan,
        manifests: [ObjectID: Manifest],
        drift: Set<ObjectID>,
        session: SyncSession,
        base: String?
    ) -> [Gated] {
        let gated = starting(plan, manifests: manifests, drift: drift, session: session, base: base)
        guard resumed.first() else { return gated }
        return gated + unfinished(manifests, excluding: Set(gated.map(\.id)))
    }

    private func unfinished(_ manifests: [ObjectID: Manifest], excluding: Set<ObjectID>) -> [Gated] {
        store.domains().compactMap { id -> Gated? in
            guard !excluding.contains(id), let point = store.load(id) else { return nil }
            guard let check = manifests[id].flatMap({ ManifestPolicy($0).health }) else {
                store.remove(id)
                return nil
            }
            return Gated(id: id, check: check, rollback: point, resumed: true)
        }
    }

    private func starting(
        _ plan: Plan,
        manifests: [ObjectID: Manifest],
        drift: Set<ObjectID>,
        session: SyncSession,
        base: String?
    ) -> [Gated] {
        plan.pending.compactMap { step -> Gated? in
            guard step.id.kind == .domain, !drift.contains(step.id),
                [.create, .replace, .pendingRestart].contains(step.change),
                step.operations.contains(.start), let manifest = manifests[step.id],
                let check = ManifestPolicy(manifest).health
            else { return nil }
            let domain = try? session.connection.lookupDomain(name: step.id.name)
            let point = RollbackPoint(
                name: step.id.name,
                definition: try? domain?.definitionWithSecrets(),
                wasRunning: (try? domain?.isActive()) ?? false,
                revision: base
            )
            // Without its rollback point a failure could not be undone: better not to gate than to lie.
            guard (try? store.save(point)) != nil else { return nil }
            return Gated(id: step.id, check: check, rollback: point)
        }
    }

    /// Watches every gated domain whose step applied (at once, each on its own thread) and restores
    /// those that fail.
    func check(_ gated: [Gated], report: ApplyReport, session: SyncSession) -> [Outcome] {
        let applied = Set(report.outcomes.filter(\.succeeded).map(\.id))
        let watched = gated.filter { $0.resumed || applied.contains($0.id) }
        for skipped in gated where !(skipped.resumed || applied.contains(skipped.id)) { store.remove(skipped.id) }
        let results = Results(count: watched.count)
        DispatchQueue.concurrentPerform(iterations: watched.count) { index in
            results.set(index, watch(watched[index], session: session))
        }
        return results.values.compactMap { $0 }
    }

    private func watch(_ gated: Gated, session: SyncSession) -> Outcome {
        let verdict = HealthProbe(connection: session.connection).watch(gated.id, gated.check)
        var outcome = Outcome(id: gated.id, verdict: verdict, previousRevision: gated.rollback.revision)
        if case .failed = verdict {
            let failedAt = ContinuousClock.now
            do {
                try DomainRollback(connection: session.connection).restore(gated.rollback)
                outcome.restoredAfter = HealthProbe.seconds(ContinuousClock.now - failedAt)
            } catch {
                outcome.restoreFailure = ApplyFailure(object: gated.id, operation: nil, error: error)
                // Kept: the point is the only record of what the domain was.
                return outcome
            }
        }
        store.remove(gated.id)
        return outcome
    }
}

/// True the first time `first()` is asked, false ever after.
private final class Once: Sendable {
    private let done = Atomic<Bool>(false)
    func first() -> Bool { !done.exchange(true, ordering: .relaxed) }
}

/// Outcomes written by `concurrentPerform`'s threads, one slot each.
// @unchecked Sendable: each index is written by exactly one iteration, under `lock`, and read only
// after `concurrentPerform` has returned.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [HealthGate.Outcome?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: HealthGate.Outcome) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
