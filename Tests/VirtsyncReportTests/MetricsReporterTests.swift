import Foundation
import Logging
import Testing
import VirtsyncManifest
import VirtsyncReport

/// After events and a reconcile, the exposition holds the series alerts are written against.
@Suite("metrics exposition")
struct MetricsReporterTests {
    @Test("events, fetch failures, objects, drift, revision and duration show up in the text format")
    func exposition() {
        let reporter = MetricsReporter(logger: Logger(label: "virtsync.test"))
        reporter.report(.drift(ObjectID(.domain, "web1"), fields: [], revision: nil))
        reporter.report(.sourceFailed(error: "timeout", lastGood: nil))
        reporter.report(.sourceFailed(error: "timeout", lastGood: nil))
        reporter.reconciled(Samples.status(), duration: 0.3)
        let lines = Set(reporter.exposition().split(separator: "\n").map(String.init))

        let expected = [
            #"virtsync_events_total{event="drift"} 1"#,
            #"virtsync_events_total{event="source-failed"} 2"#,
            #"virtsync_events_total{event="applied"} 0"#,
            "virtsync_fetch_failures_total 2",
            #"virtsync_reconciles_total{result="failed"} 1"#,
            #"virtsync_reconciles_total{result="applied"} 0"#,
            #"virtsync_objects{kind="Domain",state="drifted"} 1.0"#,
            #"virtsync_objects{kind="Domain",state="in-sync"} 0.0"#,
            #"virtsync_objects{kind="Network",state="in-sync"} 1.0"#,
            "virtsync_drifted_objects 1.0",
            "virtsync_pending_restarts 1.0",
            "virtsync_last_success_timestamp_seconds 1795000000.125",
            "virtsync_last_reconcile_timestamp_seconds 1795000060.125",
            #"virtsync_source_revision_info{revision="\#(Samples.revision)"} 1.0"#,
            #"virtsync_apply_duration_seconds_bucket{le="0.25"} 0"#,
            #"virtsync_apply_duration_seconds_bucket{le="0.5"} 1"#,
            "virtsync_apply_duration_seconds_count 1",
            "# TYPE virtsync_reconciles_total counter",
            "# TYPE virtsync_objects gauge",
            "# TYPE virtsync_apply_duration_seconds histogram",
        ]
        for line in expected {
            #expect(lines.contains(line), "missing: \(line)")
        }
    }

    @Test("only the revision last applied has a series")
    func revisionChange() {
        let reporter = MetricsReporter(logger: Logger(label: "virtsync.test"))
        var status = Samples.status()
        reporter.reconciled(status, duration: 1)
        status.lastAppliedRevision = "next"
        reporter.reconciled(status, duration: 1)
        let infoLines = reporter.exposition().split(separator: "\n").filter {
            $0.hasPrefix("virtsync_source_revision_info{")
        }

        #expect(infoLines == [#"virtsync_source_revision_info{revision="next"} 1.0"#])
    }

    @Test("object gauges drop to 0 when the objects are gone")
    func objectsReset() {
        let reporter = MetricsReporter(logger: Logger(label: "virtsync.test"))
        var status = Samples.status()
        reporter.reconciled(status, duration: 1)
        status.objects = []
        reporter.reconciled(status, duration: 1)
        let text = reporter.exposition()

        #expect(text.contains("virtsync_drifted_objects 0.0\n"))
        #expect(text.contains(#"virtsync_objects{kind="Domain",state="drifted"} 0.0"#))
    }
}
