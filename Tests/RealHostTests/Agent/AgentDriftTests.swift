import Foundation
import TestSupport
import Testing

extension RealHost {
    @Suite("The agent sees hand edits through libvirt events")
    struct AgentDriftTests {
        @Test(
            "20 virsh edits each give a drift entry within 2 s and a repair in enforce mode; an undefined VM comes back"
        )
        func enforceRepairs() throws {
            try RealHost.withHost { host in
                try #require(AgentJournal.ensureRunning(), "no journald to read the agent's entries from")
                let agent = try AgentScenario.start(host).agent
                let vm = host.name("vm")
                var latencies: [Double] = []
                for round in 1...20 {
                    let since = AgentJournal.now()
                    try AgentScenario.setVcpus(vm, 2, in: host)
                    let drift = try #require(
                        AgentJournal.first("drift", name: vm, since: since, timeout: .seconds(10)),
                        "round \(round): no drift entry: \(agent.tail())"
                    )
                    let stamp = UInt64(drift["__REALTIME_TIMESTAMP"] ?? "") ?? since
                    let latency = Double(stamp - since) / 1000
                    latencies.append(latency)
                    #expect(latency <= 2000, "round \(round): drift reported after \(latency) ms")
                    #expect(drift["VIRTSYNC_FIELD"] == "vcpu" && drift["VIRTSYNC_HAVE"] == "2", "\(drift)")
                    #expect(
                        AgentJournal.first("drift-repaired", name: vm, since: since, timeout: .seconds(10)) != nil,
                        "round \(round): no drift-repaired entry"
                    )
                    let back = poll(timeout: .seconds(10)) { Virsh.vcpus(vm) == 1 }
                    try #require(back, "round \(round): vcpus \(Virsh.vcpus(vm) ?? -1): \(agent.tail())")
                }
                let sorted = latencies.sorted()
                print(
                    "e2e: edit -> drift entry over \(sorted.count) edits: median \(sorted[sorted.count / 2]) ms, min \(sorted.first!) ms, max \(sorted.last!) ms"
                )

                let since = AgentJournal.now()
                Shell.virsh("destroy", vm)
                try #require(Shell.virsh("undefine", vm).succeeded)
                #expect(
                    AgentJournal.first("drift", name: vm, since: since, timeout: .seconds(2)) != nil,
                    "undefine: no drift entry"
                )
                let restored = poll(timeout: .seconds(30)) { Virsh.state(vm) == "running" }
                #expect(restored, "\(vm) not back after undefine: \(agent.tail())")
                #expect(agent.stop() == 0)
            }
        }

        @Test("in report mode a virsh edit is reported as drift and left as it is")
        func reportModeOnlyReports() throws {
            try RealHost.withHost { host in
                try #require(AgentJournal.ensureRunning(), "no journald to read the agent's entries from")
                var options = AgentProcess.Options()
                options.mode = "report"
                let agent = try AgentScenario.start(host, options: options).agent
                let vm = host.name("vm")
                let since = AgentJournal.now()
                try AgentScenario.setVcpus(vm, 2, in: host)
                let drift = AgentJournal.first("drift", name: vm, since: since, timeout: .seconds(2))
                #expect(drift?["VIRTSYNC_FIELD"] == "vcpu", "no drift entry: \(agent.tail())")
                Thread.sleep(forTimeInterval: 3)
                #expect(AgentJournal.entries("drift-repaired", name: vm, since: since).isEmpty)
                #expect(Virsh.vcpus(vm) == 2)
                let objects = try agent.status()["objects"] as? [[String: Any]] ?? []
                #expect(objects.contains { $0["state"] as? String == "drifted" }, "\(objects)")
                #expect(agent.stop() == 0)
            }
        }
    }
}
