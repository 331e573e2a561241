import Foundation
import Prometheus
import Synchronization
import VirtsyncPlan

/// The preview series of one registry, per ref: made when a ref is first planned, removed when it goes,
/// so a fleet's `sum by (ref, change)` counts only open pull requests.
///
/// - `virtsync_preview_changes{ref, change}`: objects the ref would change, per change class (every class
///   present, at 0 when none);
/// - `virtsync_preview_refused{ref}`: 1 when this host would refuse the ref's revision;
/// - `virtsync_preview_revision_info{ref, revision}`: 1, for the revision planned;
/// - `virtsync_preview_timestamp_seconds{ref}`: when it was planned (Unix time).
final class PreviewGauges: Sendable {
    private struct Series {
        var changes: [ChangeClass: Gauge]
        var refused: Gauge
        var revision: (value: String, gauge: Gauge)
        var planned: Gauge
    }

    private let registry: PrometheusCollectorRegistry
    private let series = Mutex<[String: Series]>([:])

    init(registry: PrometheusCollectorRegistry) { self.registry = registry }

    func set(_ preview: PreviewStatus) {
        series.withLock { all in
            var current = all[preview.ref] ?? make(preview.ref, revision: preview.revision)
            let counts = preview.counts
            for (change, gauge) in current.changes { gauge.set(to: Double(counts[change] ?? 0)) }
            current.refused.set(to: preview.error == nil ? 0 : 1)
            if current.revision.value != preview.revision {
                registry.unregisterGauge(current.revision.gauge)
                current.revision = (preview.revision, revisionGauge(preview.ref, preview.revision))
            }
            current.planned.set(to: preview.plannedAt.timeIntervalSince1970)
            all[preview.ref] = current
        }
    }

    func drop(_ ref: String) {
        series.withLock { all in
            guard let gone = all.removeValue(forKey: ref) else { return }
            for gauge in gone.changes.values { registry.unregisterGauge(gauge) }
            for gauge in [gone.refused, gone.revision.gauge, gone.planned] { registry.unregisterGauge(gauge) }
        }
    }

    private func make(_ ref: String, revision: String) -> Series {
        let names = MetricsReporter.Names(registry: registry)
        let changes = Dictionary(
            uniqueKeysWithValues: ChangeClass.allCases.map { change in
                (
                    change,
                    registry.makeGauge(
                        descriptor: names.descriptor(
                            "preview_changes",
                            help: "Objects a preview ref would change on this host, by change class."
                        ),
                        labels: [("ref", ref), ("change", change.rawValue)]
                    )
                )
            }
        )
        let refused = registry.makeGauge(
            descriptor: names.descriptor(
                "preview_refused",
                help: "1 when this host would refuse the preview ref's revision."
            ),
            labels: [("ref", ref)]
        )
        let planned = registry.makeGauge(
            descriptor: names.descriptor(
                "preview_timestamp_seconds",
                help: "When the preview ref was last planned (Unix time)."
            ),
            labels: [("ref", ref)]
        )
        return Series(
            changes: changes,
            refused: refused,
            revision: (revision, revisionGauge(ref, revision)),
            planned: planned
        )
    }

    private func revisionGauge(_ ref: String, _ revision: String) -> Gauge {
        let gauge = registry.makeGauge(
            descriptor: MetricsReporter.Names.descriptor(
                "preview_revision_info",
                help: "The revision of a preview ref last planned (always 1)."
            ),
            labels: [("ref", ref), ("revision", revision)]
        )
        gauge.set(to: 1)
        return gauge
    }
}
