import Foundation
import Logging
import TestSupport
import Testing
import VirtsyncReport

/// contrib/prometheus/virtsync.rules.yml is a valid rule file whose alerts use the metrics the agent exports.
@Suite("alert rules")
struct AlertRulesTests {
    static let rules = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("contrib/prometheus/virtsync.rules.yml")

    static let expectedAlerts: Set = [
        "VirtsyncDrift", "VirtsyncStaleRevision", "VirtsyncFetchFailing", "VirtsyncAgentDown", "VirtsyncPendingRestart",
        "VirtsyncRolledBack",
    ]

    @Test(
        "promtool accepts the rules",
        .enabled(if: ChildProcess.isInstalled("promtool"), "promtool is not installed (Debian: prometheus)")
    )
    func promtool() throws {
        let result = try ChildProcess("promtool", ["check", "rules", Self.rules.path]).run()
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("SUCCESS: 6 rules found"))
    }

    @Test("every alert is there, and every virtsync_ metric an alert uses is exported")
    func metricsExist() throws {
        let alerts = try loadAlerts()
        #expect(Set(alerts.keys) == Self.expectedAlerts)

        let reporter = MetricsReporter(logger: Logger(label: "virtsync.test"))
        reporter.reconciled(Samples.status(), duration: 1)
        let exported = Set(
            reporter.exposition().split(separator: "\n").compactMap { line in
                line.hasPrefix("# TYPE ") ? line.split(separator: " ")[2] : nil
            }.map(String.init)
        )
        for (alert, expression) in alerts {
            let used = expression.matches(of: /virtsync_[a-z_]+/).map { String($0.output) }
            for metric in used {
                #expect(exported.contains(metric), "\(alert) uses \(metric), which the agent does not export")
            }
        }
    }

    /// Alert name to expression, read with python3's PyYAML.
    private func loadAlerts() throws -> [String: String] {
        let script = """
            import json, sys, yaml
            document = yaml.safe_load(open(sys.argv[1]))
            print(json.dumps({rule["alert"]: rule["expr"] for group in document["groups"] for rule in group["rules"]}))
            """
        let result = try ChildProcess("python3", ["-c", script, Self.rules.path]).run()
        try #require(result.status == 0, "python3 with PyYAML could not read the rules: \(result.error)")
        return try JSONDecoder().decode([String: String].self, from: result.outputData)
    }
}
