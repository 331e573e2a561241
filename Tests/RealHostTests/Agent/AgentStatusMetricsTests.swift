import Foundation
import TestSupport
import Testing

extension RealHost {
    @Suite("status.json and /metrics tell the same story")
    struct AgentStatusMetricsTests {
        @Test(
            "object count, drifted gauge and applied revision agree in status.json and GET /metrics, before and after drift"
        )
        func statusAndMetricsAgree() throws {
            try RealHost.withHost { host in
                var options = AgentProcess.Options()
                options.mode = "report"
                let (agent, revision) = try AgentScenario.start(host, options: options)
                try Self.expectAgreement(agent, revision: revision, drifted: 0)

                try AgentScenario.setVcpus(host.name("vm"), 2, in: host)
                let seen = poll(timeout: .seconds(10)) {
                    let objects = (try? agent.status())?["objects"] as? [[String: Any]] ?? []
                    return objects.contains { $0["state"] as? String == "drifted" }
                }
                try #require(seen, "no drifted object in status.json: \(agent.tail())")
                try Self.expectAgreement(agent, revision: revision, drifted: 1)
                #expect(agent.stop() == 0)
            }
        }

        static func expectAgreement(_ agent: AgentProcess, revision: String, drifted: Int) throws {
            let status = try agent.status()
            let objects = status["objects"] as? [[String: Any]] ?? []
            let reply = try #require(HTTP.get(agent.metricsPort, "/metrics"))
            #expect(reply.status == 200)
            let metrics = PrometheusText(reply.body)

            #expect(objects.count == 2, "\(objects)")
            #expect(metrics.sum("virtsync_objects") == Double(objects.count), "\(metrics.samples("virtsync_objects"))")
            for state in Set(objects.compactMap { $0["state"] as? String }) {
                let count = objects.count { $0["state"] as? String == state }
                #expect(
                    metrics.sum("virtsync_objects", containing: #"state="\#(state)""#) == Double(count),
                    "state \(state)"
                )
            }
            let statusDrifted = objects.count { $0["state"] as? String == "drifted" }
            #expect(statusDrifted == drifted)
            #expect(metrics.sum("virtsync_drifted_objects") == Double(statusDrifted))
            #expect(status["lastAppliedRevision"] as? String == revision)
            #expect(
                metrics.sum("virtsync_source_revision_info", containing: #"revision="\#(revision)""#) == 1,
                "\(metrics.samples("virtsync_source_revision_info"))"
            )
            #expect(metrics.samples("virtsync_source_revision_info").count == 1)
        }
    }
}

/// Prometheus text exposition, read just enough to sum a metric's samples.
struct PrometheusText {
    let lines: [Substring]

    init(_ text: String) { lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") } }

    /// The sample lines of `name` (with or without labels), e.g. `virtsync_objects{kind="Domain",state="in-sync"} 1`.
    func samples(_ name: String) -> [Substring] {
        lines.filter { $0.hasPrefix(name + "{") || $0.hasPrefix(name + " ") }
    }

    func sum(_ name: String, containing label: String? = nil) -> Double {
        samples(name).filter { label == nil || $0.contains(label!) }
            .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }.reduce(0, +)
    }
}
