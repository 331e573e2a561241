import Foundation
import TestSupport
import Testing

extension RealHost {
    @Suite("The agent refuses a revision the host cannot satisfy")
    struct AgentRefusalTests {
        /// A diskless VM whose interface uses `network`, which no manifest declares.
        static func vm(_ host: HostFixture, _ base: String, network: String) -> String {
            AgentManifests.vm(host).replacingOccurrences(
                of: "name: \(host.name("vm"))",
                with: "name: \(host.name(base))"
            )
                + "\n  devices:\n    interfaces:\n      - network: \(network)\n"
        }

        @Test(
            "run --once: a dangling network reference exits 1, journald says revision-refused naming it, no status claim"
        )
        func runOnceRefuses() throws {
            try RealHost.withHost { host in
                try #require(AgentJournal.ensureRunning(), "no journald to read the agent's entries from")
                let missing = host.name("nowhere")
                let repository = try AgentRepository(host: host)
                let revision = try repository.commit("dangling", ["vm.yaml": Self.vm(host, "vm", network: missing)])
                var options = AgentProcess.Options()
                options.once = true
                let since = AgentJournal.now()
                let agent = try AgentProcess(host: host, repository: repository, options: options)
                #expect(agent.process.status == 1, "\(agent.tail())")
                #expect(agent.tail().contains("refused"), "\(agent.tail())")
                let entry = AgentJournal.first(
                    "revision-refused",
                    field: "VIRTSYNC_REVISION",
                    value: revision,
                    since: since,
                    timeout: .seconds(3)
                )
                #expect(entry?["VIRTSYNC_REASON"]?.contains("network '\(missing)'") == true, "\(entry ?? [:])")
                let status = try agent.status()
                #expect(status["lastAppliedRevision"] == nil, "\(status)")
                #expect(Virsh.state(host.name("vm")) == nil)
            }
        }

        @Test("the running agent refuses a new revision with a dangling reference and keeps the last good one")
        func runningAgentKeepsLastGood() throws {
            try RealHost.withHost { host in
                try #require(AgentJournal.ensureRunning(), "no journald to read the agent's entries from")
                let (agent, good) = try AgentScenario.start(host)
                let repository = try AgentRepository(host: host)
                let missing = host.name("nowhere")
                let bad = try repository.commit("dangling", ["other.yaml": Self.vm(host, "other", network: missing)])
                let since = AgentJournal.now()
                #expect(agent.webhook() == 202)
                let entry = AgentJournal.first(
                    "revision-refused",
                    field: "VIRTSYNC_REVISION",
                    value: bad,
                    since: since,
                    timeout: .seconds(10)
                )
                #expect(
                    entry?["VIRTSYNC_REASON"]?.contains("network '\(missing)'") == true,
                    "\(entry ?? [:]): \(agent.tail())"
                )
                let refused = poll(timeout: .seconds(10)) {
                    ((try? agent.status())?["reconciles"] as? [[String: Any]])?.first?["result"] as? String == "refused"
                }
                #expect(refused, "\(agent.tail())")
                let status = try agent.status()
                #expect(status["lastAppliedRevision"] as? String == good)
                #expect(Virsh.state(host.name("other")) == nil)
                #expect(Virsh.state(host.name("vm")) == "running")
                #expect(agent.stop() == 0)
            }
        }
    }
}
