import Foundation
public import Logging
public import Prometheus
import Synchronization
import VirtsyncBuildInfo
import VirtsyncManifest

/// Keeps the agent's Prometheus metrics (`virtsync_*`) in its own registry, for the HTTP endpoint
/// (`exposition()`) and node_exporter's textfile directory (`writeTextfile(path:)`).
///
/// Every labelled series that alerts divide or compare exists from the start at 0 (each result, event
/// and kind × state), so `rate()` and `== 0` work before the first occurrence.
public final class MetricsReporter: Reporter {
    /// Where the series live; the HTTP endpoint may register more of its own here.
    public let registry: PrometheusCollectorRegistry
    private let textfile: String?
    private let logger: Logger
    private let reconciles: [ReconcileSummary.Result: Counter]
    private let events: [AgentEventKind: Counter]
    private let objects: [ObjectKey: Gauge]
    private let drifted: Gauge
    private let pendingRestarts: Gauge
    private let lastSuccess: Gauge
    private let lastReconcile: Gauge
    private let fetchFailures: Counter
    private let applyDuration: ValueHistogram
    private let revisionInfo = Mutex<(revision: String, gauge: Gauge)?>(nil)
    /// One `virtsync_domain_address_info` series per known address, replaced after every reconcile.
    private let addressInfo = Mutex<[Gauge]>([])
    private let previews: PreviewGauges

    /// Upper bounds of the apply duration buckets, in seconds: a no-op reconcile takes milliseconds,
    /// a VM shut down gracefully minutes.
    public static let durationBuckets: [Double] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300]

    /// Creates the series in `registry`; with a `textfile`, rewrites it after every reconcile and logs a
    /// failed write to `logger`.
    public init(
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        textfile: String? = nil,
        logger: Logger
    ) {
        self.registry = registry
        self.textfile = textfile
        self.logger = logger
        let names = Names(registry: registry)
        reconciles = names.counters(
            "reconciles_total",
            label: "result",
            values: ReconcileSummary.Result.allCases,
            help: "Reconciles by how they ended."
        )
        events = names.counters(
            "events_total",
            label: "event",
            values: AgentEventKind.allCases,
            help: "Events reported (the journald VIRTSYNC_EVENT values)."
        )
        objects = names.objectGauges()
        drifted = names.gauge("drifted_objects", help: "Managed objects whose live state differs from git.")
        pendingRestarts = names.gauge(
            "pending_restarts",
            help: "Domains waiting for a restart to take their new definition."
        )
        lastSuccess = names.gauge(
            "last_success_timestamp_seconds",
            help: "When a reconcile last ended without failure (Unix time)."
        )
        lastReconcile = names.gauge(
            "last_reconcile_timestamp_seconds",
            help: "When a reconcile last ended (Unix time)."
        )
        previews = PreviewGauges(registry: registry)
        fetchFailures = names.counter("fetch_failures_total", help: "Failed fetches of the source repository.")
        applyDuration = registry.makeValueHistogram(
            descriptor: names.descriptor("apply_duration_seconds", help: "How long a reconcile took."),
            buckets: Self.durationBuckets
        )
        names.gauge(
            "build_info",
            help: "The virtsync this agent runs (always 1).",
            labels: [("version", BuildInfo.version), ("revision", BuildInfo.revision)]
        ).set(to: 1)
    }

    public func report(_ event: AgentEvent) {
        events[event.kind]?.increment()
        switch event {
        case .sourceFailed: fetchFailures.increment()
        case .previewPlanned(let preview): previews.set(preview)
        case .previewDropped(let ref, _): previews.drop(ref)
        default: break
        }
    }

    /// Counts the newest entry of `status.reconciles` as the reconcile that just ended, so call it once
    /// per reconcile, after `AgentStatus.record(_:)`.
    public func reconciled(_ status: AgentStatus, duration: Double) {
        if let last = status.reconciles.first {
            reconciles[last.result]?.increment()
            lastReconcile.set(to: last.finishedAt.timeIntervalSince1970)
        }
        applyDuration.record(duration)
        setObjects(status.objects)
        if let success = status.lastSuccessAt { lastSuccess.set(to: success.timeIntervalSince1970) }
        setRevision(status.lastAppliedRevision)
        setAddresses(status.objects)
        if let textfile { writeTextfileLogged(textfile) }
    }

    /// The metrics in Prometheus's text format (version 0.0.4).
    public func exposition() -> String {
        registry.emitToString()
    }

    /// Writes `exposition()` to `path` atomically, so node_exporter never reads half a file. The name
    /// must end in `.prom`; the temporary file beside it does not, so node_exporter skips it.
    public func writeTextfile(path: String) throws(ReportFileError) {
        try ReportFileError.writeAtomically(Data(exposition().utf8), to: path)
    }

    private func writeTextfileLogged(_ path: String) {
        do {
            try writeTextfile(path: path)
        } catch {
            logger.error("cannot write the metrics textfile: \(error)", metadata: ["path": "\(path)"])
        }
    }

    private func setObjects(_ statuses: [ObjectStatus]) {
        var counts: [ObjectKey: Int] = [:]
        for status in statuses { counts[ObjectKey(kind: status.id.kind, state: status.state), default: 0] += 1 }
        for (key, gauge) in objects { gauge.set(to: Double(counts[key] ?? 0)) }
        drifted.set(to: Double(statuses.count { $0.state == .drifted }))
        pendingRestarts.set(to: Double(statuses.count { $0.state == .pendingRestart }))
    }

    /// `virtsync_domain_address_info{domain, interface, address, source} 1` for each address of a managed
    /// domain, so a dashboard or alert can show where a VM is; series of addresses gone are removed.
    private func setAddresses(_ statuses: [ObjectStatus]) {
        addressInfo.withLock { gauges in
            for gauge in gauges { registry.unregisterGauge(gauge) }
            gauges = statuses.flatMap { status in
                (status.addresses ?? []).map { address in
                    let gauge = registry.makeGauge(
                        descriptor: Names.descriptor(
                            "domain_address_info",
                            help: "An IP address of a managed domain: DHCP lease or guest agent (always 1)."
                        ),
                        labels: [
                            ("domain", status.id.name), ("interface", address.interface), ("address", address.address),
                            ("source", address.source),
                        ]
                    )
                    gauge.set(to: 1)
                    return gauge
                }
            }
        }
    }

    /// One series for the applied revision: the old one is removed, so a fleet's `count by (revision)`
    /// counts each host once.
    private func setRevision(_ revision: String?) {
        revisionInfo.withLock { current in
            guard current?.revision != revision else { return }
            if let old = current?.gauge { registry.unregisterGauge(old) }
            current = revision.map { revision in
                let gauge = registry.makeGauge(
                    descriptor: Names.descriptor(
                        "source_revision_info",
                        help: "The source revision last applied (always 1)."
                    ),
                    labels: [("revision", revision)]
                )
                gauge.set(to: 1)
                return (revision, gauge)
            }
        }
    }
}
