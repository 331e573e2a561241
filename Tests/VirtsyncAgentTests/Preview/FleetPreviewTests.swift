import Foundation
import TestSupport
import Testing
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncReport

/// Three simulated hosts (agents as child processes, each on its own test:///default) follow one
/// repository served by `git daemon`; a pull request's ref changes the VMs of two of them.
@Suite("a pull request's plan on every host", .serialized)
struct FleetPreviewTests {
    static let interval = 3.0

    @Test(
        "each host previews its own changes within a poll interval, virtsync preview tables them and exits 2, closing drops them, no host changes"
    )
    func fleetPreview() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-fleet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let prefix = NamePrefix.make("fp")
        let repository = try FleetRepository(root: root)
        let base = [
            "common/web.yaml": Self.vm(prefix + "web", memory: "128MiB", hosts: "role=web"),
            "hosts/h3/db.yaml": Self.vm(prefix + "db", memory: "128MiB", hosts: nil),
        ]
        let main = try repository.commit(base)
        let agents = try [("h1", "web"), ("h2", "web"), ("h3", "db")].map { name, role in
            try FleetAgent(
                name: name,
                labels: ["role": role, "zone": name],
                repository: repository,
                root: root,
                interval: "\(Int(Self.interval))s"
            )
        }
        defer { for agent in agents { agent.stop() } }
        for agent in agents {
            let applied = poll(timeout: .seconds(60), every: .milliseconds(50)) {
                agent.status()?.lastAppliedRevision == main && agent.previews() != nil
            }
            try #require(applied, "\(agent.name) did not apply main: \(agent.tail())")
        }
        let appliedBefore = agents.map { $0.metric(#"virtsync_events_total{event="applied"}"#) }

        // Opened with a webhook: each host plans it at once.
        let first = try repository.commit(
            [
                "common/web.yaml": Self.vm(prefix + "web", memory: "256MiB", hosts: "role=web"),
                "hosts/h3/db.yaml": base["hosts/h3/db.yaml"]!,
            ],
            on: "feature"
        )
        try repository.setRef("refs/pull/1/head", to: first)
        let pushed = ContinuousClock.now
        for agent in agents { #expect(agent.webhook() == 202) }
        try #require(Self.everyHost(agents, shows: first, timeout: .seconds(Self.interval * 4)), "\(Self.logs(agents))")
        let viaWebhook = ContinuousClock.now - pushed

        for agent in agents.prefix(2) {
            let preview = try #require(agent.previews()?.previews.first)
            #expect(preview.steps.map(\.change) == [.pendingRestart], "\(agent.name): \(preview.steps)")
            #expect(preview.steps.first?.object == ObjectID(.domain, prefix + "web"))
            #expect(preview.steps.first?.fields.map(\.path).contains("memory") == true)
            #expect(preview.base == main)
            #expect(agent.metric(#"virtsync_preview_changes{ref="refs/pull/1/head",change="pending-restart"}"#) == 1)
        }
        #expect(agents[2].previews()?.previews.first?.steps == [])

        // Pushed to again, no webhook: the next poll finds it (three pushes, for the spread).
        var second = first
        var viaPoll: [Duration] = []
        for memory in ["384MiB", "448MiB", "512MiB"] {
            second = try repository.commit(
                [
                    "common/web.yaml": Self.vm(prefix + "web", memory: memory, hosts: "role=web"),
                    "hosts/h3/db.yaml": base["hosts/h3/db.yaml"]!,
                ],
                on: "feature"
            )
            try repository.setRef("refs/pull/1/head", to: second)
            let polled = ContinuousClock.now
            try #require(
                Self.everyHost(agents, shows: second, timeout: .seconds(Self.interval * 1.1 + 5)),
                "\(Self.logs(agents))"
            )
            viaPoll.append(ContinuousClock.now - polled)
        }
        print(
            "fleet preview: push -> every host's preview: webhook \(viaWebhook), poll \(viaPoll.map { "\($0)" }.joined(separator: ", ")) (interval \(Self.interval) s, 3 hosts)"
        )

        for format in ["text", "markdown"] {
            let result = try Self.preview(
                ["--ref", "refs/pull/1/head", "--revision", second, "--output", format]
                    + agents.flatMap { ["--agent", $0.address] }
            )
            #expect(result.status == 2, "\(result.output)")
            print(result.output)
            #expect(result.output.contains("h1") && result.output.contains("h2"))
            #expect(result.output.components(separatedBy: "pending-restart").count - 1 == 2)
            #expect(result.output.contains("h3") && result.output.contains("no change"))
        }
        // The agents found through a Prometheus server's query API (a stand-in that answers as one).
        let prometheus = try FakePrometheus(instances: agents.map(\.address))
        defer { prometheus.stop() }
        let viaPrometheus = try Self.preview([
            "--ref", "refs/pull/1/head", "--prometheus", prometheus.url, "--output", "text",
        ])
        #expect(viaPrometheus.status == 2, "\(viaPrometheus.output)")
        #expect(
            viaPrometheus.output.components(separatedBy: "pending-restart").count - 1 == 2,
            "\(viaPrometheus.output)"
        )
        #expect(prometheus.queries().contains("virtsync_last_reconcile_timestamp_seconds"))

        let json = try Self.preview(
            ["--ref", "refs/pull/1/head", "--revision", "0000000", "--output", "json"]
                + agents.flatMap { ["--agent", $0.address] }
        )
        #expect(json.status == 0, "every host is still to plan that revision: nothing disruptive shown")
        #expect(json.output.contains(#""state" : "pending""#))

        // Closed: the ref is deleted and every preview goes.
        try repository.setRef("refs/pull/1/head", to: nil)
        for agent in agents { agent.webhook() }
        let dropped = poll(timeout: .seconds(Self.interval * 4), every: .milliseconds(50)) {
            agents.allSatisfy { $0.previews()?.previews.isEmpty == true }
        }
        #expect(dropped, "\(Self.logs(agents))")
        #expect(agents[0].metric(#"virtsync_preview_changes{ref="refs/pull/1/head",change="pending-restart"}"#) == nil)

        // The hosts never changed: main still applied, nothing applied since.
        for (agent, before) in zip(agents, appliedBefore) {
            #expect(agent.status()?.lastAppliedRevision == main)
            #expect(
                agent.metric(#"virtsync_events_total{event="applied"}"#) == before,
                "\(agent.name) applied something"
            )
            #expect(agent.status()?.previews == [])
        }
    }

    static func vm(_ name: String, memory: String, hosts: String?) -> String {
        """
        apiVersion: virtsync/v1
        kind: Domain
        metadata:
          name: \(name)
        \(hosts.map { "  hosts: [\"\($0)\"]" } ?? "")
        spec:
          type: qemu
          memory: \(memory)
          vcpus: 1
          state: running
        """
    }

    static func everyHost(_ agents: [FleetAgent], shows revision: String, timeout: Duration) -> Bool {
        poll(timeout: timeout, every: .milliseconds(50)) {
            agents.allSatisfy { $0.previews()?.previews.first { $0.ref == "refs/pull/1/head" }?.revision == revision }
        }
    }

    static func logs(_ agents: [FleetAgent]) -> String {
        agents.map { "\($0.name): \($0.previews().map { "\($0.previews)" } ?? "no previews")\n\($0.tail(10))" }.joined(
            separator: "\n"
        )
    }

    /// `virtsync preview …`, its exit status and what it printed (standard output, then standard error).
    static func preview(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ChildProcess(RepositoryPaths.builtProduct("virtsync").path, ["preview"] + arguments).run()
        return (result.status, result.output + result.error)
    }
}
