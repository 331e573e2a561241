import Foundation
import Logging
import Testing
import VirtsyncReport

/// contrib/grafana/virtsync-fleet.json is a Grafana dashboard (valid JSON, panels with queries) whose
/// queries name only metrics the agent exports.
@Suite("grafana dashboard")
struct GrafanaDashboardTests {
    static let dashboard = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("contrib/grafana/virtsync-fleet.json")

    @Test("valid JSON with a title, a uid and panels that each carry a query")
    func structure() throws {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.dashboard)) as? [String: Any]
        )
        #expect(json["title"] as? String == "virtsync fleet")
        #expect(json["uid"] as? String == "virtsync-fleet")
        let panels = try #require(json["panels"] as? [[String: Any]])
        #expect(panels.count >= 8)
        for panel in panels {
            let targets = panel["targets"] as? [[String: Any]] ?? []
            #expect(
                !targets.isEmpty && targets.allSatisfy { ($0["expr"] as? String)?.isEmpty == false },
                "panel \(panel["title"] ?? "?") has no query"
            )
        }
        let titles = Set(panels.compactMap { $0["title"] as? String })
        for needed in [
            "Drifted objects (fleet)", "Hosts per applied revision", "Reconciles by result",
            "Reconcile duration (p50, p95)", "Fetch failures per host (1h)", "Hosts per virtsync version",
        ] {
            #expect(titles.contains(needed), "no panel \(needed)")
        }
    }

    @Test("every virtsync_ metric a query names is exported")
    func metricsExist() throws {
        let text = try String(contentsOf: Self.dashboard, encoding: .utf8)
        let used = Set(text.matches(of: /virtsync_[a-z_]+/).map { String($0.output) })
        #expect(used.count >= 9)
        let reporter = MetricsReporter(logger: Logger(label: "virtsync.test"))
        reporter.reconciled(Samples.status(), duration: 1)
        let exported = Set(
            reporter.exposition().split(separator: "\n").compactMap { line in
                line.hasPrefix("# TYPE ") ? String(line.split(separator: " ")[2]) : nil
            }
        )
        for metric in used {
            // A histogram's series carry suffixes its TYPE line does not.
            let family = metric.replacing(/_(bucket|sum|count)$/, with: "")
            #expect(exported.contains(family), "the dashboard uses \(metric), which the agent does not export")
        }
    }
}
