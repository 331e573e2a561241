import Foundation
import Synchronization
public import VirtsyncHost
public import VirtsyncManifest
import VirtsyncPlan
public import VirtsyncReport
public import VirtsyncSource

/// One reconcile, read top to bottom: source → manifests → plan → apply → report.
///
/// An actor because the agent's triggers (interval, webhook, libvirt events) race to start passes;
/// passes run one at a time and share what the last one learnt: the last good revision, the manifests
/// as last applied (to tell drift from intentional change) and the status.
public actor Reconciler {
    let executor = ReconcilerExecutor(name: "virtsync-reconcile")
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    /// The managed objects, readable without waiting for a pass in progress.
    let watched = Mutex<Set<ObjectID>>([])
    /// Target directories of the managed pools, where their volumes' files lie (the file watch's), each
    /// with its pool's name.
    let watchedDirectories = Mutex<[String: String]>([:])
    let source: any ManifestSource
    let policy: ReconcilePolicy
    let reporter: any Reporter
    public internal(set) var session: SyncSession
    /// The last revision found valid for this host; it stays applied when a newer one is refused.
    var lastGood: RevisionManifests?
    /// The newest revision fetched while it is not yet found valid for this host. One refused only for
    /// what the host lacks stays here and is checked again on every pass: the host may gain it.
    var candidate: RevisionManifests?
    /// The good revision before `lastGood`: applied again when `lastGood` fails a health check.
    var previousGood: RevisionManifests?
    /// The newest revision, when it is refused; reported once, and every pass's result until git moves.
    var refusedRevision: String?
    let healthGate: HealthGate?
    var origin: ChangeOrigin
    /// Drift already reported, so a persisting difference is one journald entry, not one per pass.
    var reportedDrift: [ObjectID: [FieldChange]] = [:]
    public internal(set) var status: AgentStatus

    /// - Parameter appliedPath: where the fingerprints of applied manifests are kept across restarts
    ///   (`STATE_DIR/applied.json`); nil keeps them in memory.
    /// - Parameter healthDirectory: the state directory where the health gate keeps rollback points and
    ///   the revision it refused; nil checks no `spec.health`.
    public init(
        source: any ManifestSource,
        session: SyncSession,
        policy: ReconcilePolicy,
        reporter: any Reporter,
        status: AgentStatus,
        appliedPath: String? = nil,
        healthDirectory: String? = nil
    ) {
        self.healthGate = healthDirectory.map(HealthGate.init(stateDirectory:))
        let bad = healthGate?.badRevision.load()
        self.refusedRevision = bad?.revision
        self.origin = ChangeOrigin(path: appliedPath)
        self.source = source
        self.session = session
        self.policy = policy
        self.reporter = reporter
        self.status = status
        if let bad { self.status.lastError = "revision \(bad.revision) refused: \(bad.reason)" }
    }

    /// Every object whose libvirt events should start a pass: the managed ones.
    public nonisolated func watchedObjects() -> Set<ObjectID> { watched.withLock { $0 } }

    /// Directories whose files are managed volumes, each with the name of the pool they belong to.
    public nonisolated func watchedVolumeDirectories() -> [String: String] { watchedDirectories.withLock { $0 } }

    /// Swaps in a new libvirt connection after libvirtd restarted.
    public func replaceSession(_ session: SyncSession) { self.session = session }

    @discardableResult
    public func reconcile(_ trigger: ReconcileTrigger) async -> ReconcileSummary {
        let started = Date()
        if trigger.fetchesSource || (lastGood == nil && candidate == nil) { await updateSource() }
        var summary = pass(trigger: trigger, started: started)
        summary.finishedAt = Date()
        let objects = Set(status.objects.map(\.id))
        watched.withLock { $0 = objects }
        status.record(summary)
        status.lastAttemptAt = started
        if summary.result != .failed && summary.result != .sourceFailed && summary.result != .refused {
            status.lastSuccessAt = summary.finishedAt
        }
        reporter.reconciled(status, duration: summary.finishedAt.timeIntervalSince(started))
        return summary
    }

    /// Fetches; a valid new revision replaces `lastGood`, an invalid one is refused and reported once.
    private func updateSource() async {
        let fetched: SourceSnapshot
        do {
            fetched = try await source.update()
        } catch {
            status.lastError = "source: \(error)"
            reporter.report(.sourceFailed(error: "\(error)", lastGood: lastGood?.revision))
            return
        }
        status.lastAttemptedRevision = fetched.revision
        guard fetched.revision != lastGood?.revision, fetched.revision != candidate?.revision,
            fetched.revision != refusedRevision
        else { return }
        reporter.report(.sourceFetched(revision: fetched.revision, previous: fetched.previous, forced: fetched.forced))
        candidate = nil
        do {
            let revision = try RevisionManifests(fetched, policy: policy)
            // Errors in the files need no host to refuse the revision for good; the rest is the pass's.
            if let refusal = revision.hostIndependentRefusal {
                refuse(fetched.revision, refusal.description)
            } else {
                candidate = revision
            }
        } catch {
            refuse(fetched.revision, "\(error)")
        }
    }

    func refuse(_ revision: String, _ reason: String) {
        refusedRevision = revision
        status.lastError = "revision \(revision) refused: \(reason)"
        reporter.report(.revisionRefused(revision: revision, reason: reason))
    }
}
