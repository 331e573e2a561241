import Dispatch
import Foundation
public import Libvirt
public import VirtsyncImages
public import VirtsyncManifest
public import VirtsyncPlan
import VirtsyncSchema

/// One run of the flow against one host: manifests → observe → validate against the host → plan → apply.
///
/// `check` is the one stage, shared by the command line and the agent, that turns a revision into a plan
/// or refuses it; `apply` takes only what `check` found valid.
///
/// The CLI's `plan` and `apply` are this type and a printer; the agent calls it on every reconcile.
public final class SyncSession: Sendable {
    public let connection: LibvirtConnection
    public let inventoryStore: InventoryStore
    /// The host's image cache, `<state directory>/images`.
    public let images: ImageCache
    /// Told how long downloads go; set it before `apply` (the CLI logs, the agent also writes status).
    public let downloadProgress: @Sendable (ObjectID, DownloadProgress) -> Void
    /// libvirt's spelling of desired documents, cached for the session's life (an agent keeps one).
    public let canonicalizer = TestDriverCanonicalizer()
    /// Which objects earlier plans found in sync (`STATE_DIR/verdicts`), kept in memory for the session.
    public let verdicts: VerdictStore

    public init(
        uri: String,
        stateDirectory: String,
        imageTimeouts: ImageTimeouts = ImageTimeouts(),
        downloadProgress: @escaping @Sendable (ObjectID, DownloadProgress) -> Void = { _, _ in }
    ) throws(HostError) {
        do {
            connection = try LibvirtConnection(uri: uri)
        } catch {
            throw .libvirt(error)
        }
        inventoryStore = InventoryStore(stateDirectory: stateDirectory)
        verdicts = VerdictStore(stateDirectory: stateDirectory, libvirtVersion: connection.libvirtVersion())
        images = ImageCache(
            directory: (stateDirectory as NSString).appendingPathComponent("images"),
            timeouts: imageTimeouts
        )
        self.downloadProgress = downloadProgress
    }

    /// What the host would need for a revision that is valid for it. Only `check` makes one.
    public struct Planned: Sendable {
        /// The revision's manifests for this host.
        public internal(set) var manifests: [Manifest]
        public var plan: Plan
        public internal(set) var inventory: Inventory
        /// Warnings only: a revision with errors is refused and never planned.
        public internal(set) var warnings: [ManifestError]
        public internal(set) var revision: String
        public internal(set) var hostName: String
        /// How it was planned, to plan again objects that moved during the apply.
        var options: PlanOptions
    }

    /// Checks a revision against this host and plans it: host-independent errors, then the references
    /// only the host can answer (a network neither git nor the host has), refuse it whole alike.
    public func check(_ revision: RevisionManifests, options: PlanOptions) throws(HostError) -> CheckedRevision {
        do {
            return try check(loading: { revision }, options: options)
        } catch let error as HostError {
            throw error
        } catch {
            preconditionFailure("loading a revision in memory throws nothing: \(error)")
        }
    }

    /// Checks while the manifests load: the host is read for the inventory's objects on another thread
    /// meanwhile (in a steady state they are the manifests' objects), so reading files and parsing YAML
    /// overlap libvirt's round trips. Objects of the manifests the inventory lacks are read afterwards.
    /// An error thrown by `load` is rethrown as it is; the others are `HostError`s.
    public func check(loading load: () throws -> RevisionManifests, options: PlanOptions) throws -> CheckedRevision {
        let inventory = try inventoryStore.load(uri: connection.uri)
        let reader = HostReader(connection: connection, verdicts: verdicts)
        let early = Observation()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            early.result = Result { () throws(HostError) in try reader.observe(interest: inventory.ids) }
        }
        let revision: RevisionManifests
        do {
            revision = try load()
        } catch {
            group.wait()
            throw error
        }
        group.wait()
        if let refusal = revision.hostIndependentRefusal { return .refused(refusal) }
        var observed = try early.result!.get()
        let manifests = revision.selected
        let unread = Set(manifests.map(\.id)).subtracting(observed.objects.keys).intersection(observed.present)
        if !unread.isEmpty {
            let second = try reader.observe(interest: unread)
            observed.objects.merge(second.objects) { _, new in new }
            // One removed between the two reads is gone, to be created, not unreadable.
            observed.present.subtract(unread.subtracting(second.present))
        }
        let hostAware =
            revision.findingsWithAnyHost
            ?? ManifestValidator.validate(
                manifests,
                context: ValidationContext(allowedPaths: revision.allowedPaths, hostObjects: observed.present)
            )
        // The host-aware pass repeats the host-independent checks of this host's manifests; only the
        // parser's findings are added to it.
        var diagnostics = (revision.loadFindings + hostAware).sortedByLocation()
        if hostAware.contains(where: { $0.severity == .error }) {
            return .refused(RevisionRefusal(revision: revision.revision, diagnostics: diagnostics))
        }
        let plan = planner(options).plan(
            manifests,
            observed: observed,
            inventory: inventory
        )
        verdicts.save()
        // What would be defined from libvirt XML users wrote is checked against libvirt's schemas here,
        // not by libvirtd on every define.
        let schema = SchemaValidator.validate(plan, manifests: manifests)
        diagnostics = (diagnostics + schema).sortedByLocation()
        if schema.contains(where: { $0.severity == .error }) {
            return .refused(RevisionRefusal(revision: revision.revision, diagnostics: diagnostics))
        }
        return .valid(
            Planned(
                manifests: manifests,
                plan: plan,
                inventory: inventory,
                warnings: diagnostics,
                revision: revision.revision,
                hostName: revision.hostName,
                options: options
            )
        )
    }

    /// Applies a plan `check` found valid, keeping the inventory on disk in step with what exists.
    ///
    /// After an apply that died (its marker left in the state directory), libvirtd may still be running
    /// the dead client's last call (a destroy takes as long as qemu takes to exit), and it lands after
    /// this apply looked: so this one looks again once libvirtd is quiet, and applies what moved.
    public func apply(_ planned: Planned) throws(HostError) -> ApplyReport {
        let marker = ApplyMarker(stateDirectory: (inventoryStore.path as NSString).deletingLastPathComponent)
        let recovering = marker.previousApplyDied()
        // The marker guards calls to libvirt; an apply with none to make, after one that did not die,
        // needs none (and spares a no-op apply its two fsyncs).
        let guarded = recovering || !planned.plan.pending.isEmpty
        if guarded { try marker.set() }
        let update = InventoryUpdate(manifests: planned.manifests, plan: planned.plan)
        let intent = update.intent(planned.inventory)
        if intent != planned.inventory { try inventoryStore.save(intent) }
        var report = applier.apply(planned.plan)
        report = try retryWhereHostMoved(report, planned, intent: intent)
        if recovering { report = try reapplyAfterCrash(report, planned, intent: intent) }
        let final = update.settle(intent, after: report, before: planned.inventory)
        if final != intent { try inventoryStore.save(final) }
        if guarded { marker.clear() }
        return report
    }

    /// Observes this revision's objects again until a plan of them is empty (at most three times, 2 s
    /// apart), applying what moved; the outcomes of later rounds replace earlier ones.
    func reapplyAfterCrash(
        _ report: ApplyReport,
        _ planned: Planned,
        intent: Inventory
    ) throws(HostError) -> ApplyReport {
        var outcomes = Dictionary(report.outcomes.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        var order = report.outcomes.map(\.id)
        let ids = Set(planned.manifests.map(\.id))
        for _ in 1...3 {
            Thread.sleep(forTimeInterval: 2)
            let observed = try HostReader(connection: connection).observe(interest: ids)
            var again = planner(planned.options).plan(planned.manifests, observed: observed, inventory: intent)
            again.steps.removeAll { !ids.contains($0.id) }
            guard !again.pending.isEmpty else { break }
            for outcome in applier.apply(again).outcomes {
                if outcomes[outcome.id] == nil { order.append(outcome.id) }
                outcomes[outcome.id] = outcome
            }
        }
        return ApplyReport(outcomes: order.compactMap { outcomes[$0] })
    }
}

extension SyncSession {
    /// Removes the cached images that none of `manifests` fetches: call it with the whole revision
    /// applied to this host (the agent after each pass, `apply --prune` on the command line), never with
    /// a part of it. Nothing is removed while a download or upload from the cache is in flight.
    public func pruneImages(keeping manifests: [Manifest]) throws(ImageError) -> CachePrune {
        let wanted = manifests.compactMap { manifest -> String? in
            guard case .volume(let volume) = manifest.spec else { return nil }
            return volume.image?.sha256
        }
        return try images.prune(keeping: Set(wanted))
    }

    /// The planner of this session, for `check` and for the plans made again after an apply (objects
    /// that moved, or a crashed apply's): compared in libvirt's spelling and with the verdicts alike, so
    /// an object in sync only in libvirt's spelling is never applied (or restarted) again by those.
    func planner(_ options: PlanOptions) -> Planner {
        Planner(options: options, canonicalizer: canonicalizer, memo: verdicts)
    }

    /// The applier of this session: its connection, image cache and download progress.
    var applier: PlanApplier { PlanApplier(connection: connection, images: images, progress: downloadProgress) }

    /// Objects whose step failed because the host was not as observed (created, started or removed
    /// meanwhile: after a crash, libvirtd may finish the dead client's last call after the next client
    /// looked) are observed again, planned from there and applied once more. Their inventory entries
    /// were written before the first try, so what exists now is known to be ours.
    func retryWhereHostMoved(
        _ report: ApplyReport,
        _ planned: Planned,
        intent: Inventory
    ) throws(HostError) -> ApplyReport {
        let moved = Set(report.outcomes.filter(\.hostMoved).map(\.id))
        guard !moved.isEmpty else { return report }
        let observed = try HostReader(connection: connection).observe(interest: moved)
        let manifests = planned.manifests.filter { moved.contains($0.id) }
        var again = planner(planned.options).plan(manifests, observed: observed, inventory: intent)
        again.steps.removeAll { !moved.contains($0.id) }
        let retried = applier.apply(again)
        var outcomes: [ApplyReport.Outcome] = []
        for outcome in report.outcomes {
            guard moved.contains(outcome.id) else {
                outcomes.append(outcome)
                continue
            }
            if let second = retried.outcomes.first(where: { $0.id == outcome.id }) {
                outcomes.append(
                    ApplyReport.Outcome(
                        id: outcome.id,
                        change: outcome.change,
                        failure: second.failure,
                        completed: outcome.completed + second.completed
                    )
                )
            } else if again.refused.contains(where: { $0.id == outcome.id }) {
                outcomes.append(outcome)
            } else {
                // Observed again, it already is what the manifest says: the first try's work was done.
                outcomes.append(
                    ApplyReport.Outcome(id: outcome.id, change: outcome.change, completed: outcome.completed + 1)
                )
            }
        }
        return ApplyReport(outcomes: outcomes)
    }
}

/// The early observation's result, written by one thread and read after `DispatchGroup.wait()`.
// @unchecked Sendable: `result` is set once on the reading thread before the group leaves, and read
// only after `wait()` returns, which orders the two.
private final class Observation: @unchecked Sendable {
    var result: Result<ObservedState, HostError>?
}
