import Foundation
import Logging
import Synchronization
import VirtsyncHost
import VirtsyncReport
import VirtsyncSource

/// Keeps one preview per ref of `source.preview.refs`: fetches the refs, plans each that moved (or whose
/// host moved: a new applied revision of `source.ref`) and drops those that are gone.
///
/// Apart from the `Reconciler` on purpose: its own thread, libvirt connection and git repository, so a
/// preview never waits for a reconcile nor makes one wait (the two only share the CPU). Bounded: at most
/// `maxRefs` refs, each planned at most once per `minInterval`, one plan at a time.
actor PreviewRunner {
    let executor = ReconcilerExecutor(name: "virtsync-preview")
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    let source: any PreviewSource
    let planner: PreviewPlanner
    let config: PreviewConfig
    let reporter: any Reporter
    let connect: @Sendable () throws -> SyncSession
    let identity: (host: String, labels: [String: String])
    let logger: Logger
    var session: SyncSession?
    var previews: [String: PreviewStatus] = [:]
    /// What `GET /previews` serves, readable without waiting for a pass in progress.
    let published = Mutex<PreviewReport>(PreviewReport(host: "", previews: []))

    init(
        source: any PreviewSource,
        policy: ReconcilePolicy,
        config: PreviewConfig,
        reporter: any Reporter,
        host: String,
        labels: [String: String],
        logger: Logger = Logger(label: "virtsync.preview"),
        connect: @escaping @Sendable () throws -> SyncSession
    ) {
        self.logger = logger
        self.source = source
        self.planner = PreviewPlanner(policy: policy)
        self.config = config
        self.reporter = reporter
        self.connect = connect
        self.identity = (host, labels)
        published.withLock { $0 = PreviewReport(host: host, labels: labels, previews: []) }
    }

    nonisolated func report() -> PreviewReport { published.withLock { $0 } }

    /// One pass; `base` is the revision of `source.ref` applied now. Returns how long until a ref held
    /// back by `minInterval` is due (nil when none is), so the caller can come back then.
    func pass(base: String?) async -> Duration? {
        let refs: [String: String]
        do {
            refs = try await source.refs()
        } catch {
            // The previews kept stay as they are: a flaky fetch is no reason to tell reviewers "gone".
            logger.warning("cannot fetch the preview refs: \(error)")
            return nil
        }
        for gone in previews.keys where refs[gone] == nil {
            let dropped = previews.removeValue(forKey: gone)
            reporter.report(.previewDropped(ref: gone, revision: dropped?.revision))
        }
        let (kept, skipped) = Self.select(Array(refs.keys), max: config.maxRefs)
        for ref in skipped where previews[ref] != nil {
            let dropped = previews.removeValue(forKey: ref)
            reporter.report(.previewDropped(ref: ref, revision: dropped?.revision))
        }
        var due: Duration?
        for ref in kept {
            guard let revision = refs[ref] else { continue }
            if let wait = await planIfMoved(ref, revision: revision, base: base) { due = min(due ?? wait, wait) }
        }
        publish(base: base, skipped: skipped)
        return due
    }

    /// Plans `ref` when its revision or the host's base moved and `minInterval` has passed since its last
    /// plan; otherwise returns how long until it may be planned (nil when there is nothing to do).
    private func planIfMoved(_ ref: String, revision: String, base: String?) async -> Duration? {
        if let last = previews[ref] {
            guard last.revision != revision || last.base != base else { return nil }
            let since = Date().timeIntervalSince(last.plannedAt)
            let interval = Double(config.minInterval.components.seconds)
            if since < interval { return .milliseconds(Int64((interval - since) * 1000) + 1) }
        }
        let preview: PreviewStatus
        do {
            let snapshot = try await source.snapshot(ref: ref, revision: revision)
            let session = try self.session ?? connect()
            self.session = session
            preview = planner.preview(ref: ref, snapshot: snapshot, base: base, session: session)
            // The connection may be what failed (libvirtd restarted): the next plan opens a fresh one.
            if preview.error != nil { self.session = nil }
        } catch {
            preview = PreviewStatus(
                ref: ref,
                revision: revision,
                base: base,
                plannedAt: Date(),
                steps: [],
                error: "\(error)"
            )
        }
        previews[ref] = preview
        reporter.report(.previewPlanned(preview))
        return nil
    }

    private func publish(base: String?, skipped: [String]) {
        let report = PreviewReport(
            host: identity.host,
            labels: identity.labels,
            appliedRevision: base,
            previews: previews.values.sorted { $0.ref < $1.ref },
            skipped: skipped.sorted()
        )
        published.withLock { $0 = report }
    }

    /// The `max` refs kept: the newest by the numbers in their names (`refs/pull/12/head` before
    /// `refs/pull/9/head`), then by name; the rest are skipped.
    static func select(_ refs: [String], max: Int) -> (kept: [String], skipped: [String]) {
        let ordered = refs.sorted { $0.compare($1, options: .numeric) == .orderedDescending }
        return (Array(ordered.prefix(max)), Array(ordered.dropFirst(max)))
    }
}
