import Foundation
import TestSupport
import Testing

extension RealHost {
    @Suite("A change that breaks a VM is rolled back")
    struct AgentHealthGateTests {
        @Test(
            "a restart whose health port never opens runs the old definition again, the revision is refused until the next commit"
        )
        func brokenRestartRolledBack() throws {
            try RealHost.withHost { host in
                let open = try PortListener()
                let closed = try PortListener.unusedPort()
                let repository = try AgentRepository(host: host)
                let vm = host.name("vm")
                try repository.commit(
                    "a pool and a VM",
                    [
                        "pool.yaml": AgentManifests.pool(host),
                        "vm.yaml": Self.vm(host, memory: "64MiB", port: open.port),
                    ]
                )
                let agent = try AgentProcess(host: host, repository: repository)
                let healthy = poll(timeout: .seconds(90)) { Virsh.state(vm) == "running" && agent.lastApplied() != nil }
                try #require(healthy, "\(vm) not applied: \(agent.tail())")
                try #require(AgentJournal.ensureRunning(), "no journald to read the agent's entries from")
                let since = AgentJournal.now()

                let bad = try repository.commit(
                    "more memory, health port closed",
                    ["vm.yaml": Self.vm(host, memory: "96MiB", port: closed)]
                )
                let pushed = ContinuousClock.now
                #expect(agent.webhook() == 202)
                let failed = AgentJournal.first("health-failed", name: vm, since: since, timeout: .seconds(90))
                try #require(failed != nil, "no health-failed entry: \(agent.tail())")
                let rolledBack = AgentJournal.first("rolled-back", name: vm, since: since, timeout: .seconds(30))
                #expect(rolledBack?["VIRTSYNC_REVISION"] == bad)
                let restored = poll(timeout: .seconds(30)) {
                    Virsh.state(vm) == "running" && Virsh.memoryKiB(vm) == 64 * 1024
                }
                #expect(
                    restored,
                    "\(vm): \(Virsh.state(vm) ?? "gone"), \(Virsh.memoryKiB(vm) ?? -1) KiB: \(agent.tail())"
                )
                let error = (try? agent.status())?["lastError"] as? String ?? ""
                #expect(error.contains("refused") && error.contains("rolled back"), "\(error)")
                print(
                    "e2e: breaking commit -> rolled back and running: \(ContinuousClock.now - pushed); agent: \(error)"
                )

                // The bad revision stays refused: another webhook changes nothing.
                #expect(agent.webhook() == 202)
                Thread.sleep(forTimeInterval: 3)
                #expect(Virsh.memoryKiB(vm) == 64 * 1024)
                #expect(AgentJournal.entries("health-failed", name: vm, since: since).count == 1)

                // The next commit applies normally.
                try repository.commit(
                    "more memory, health port open",
                    ["vm.yaml": Self.vm(host, memory: "96MiB", port: open.port)]
                )
                #expect(agent.webhook() == 202)
                let applied = poll(timeout: .seconds(90)) {
                    Virsh.memoryKiB(vm) == 96 * 1024 && Virsh.state(vm) == "running"
                }
                #expect(applied, "\(agent.tail())")
                let settled = poll(timeout: .seconds(60)) { ((try? agent.status())?["lastError"] as? String) == nil }
                #expect(settled, "\(agent.tail())")
                #expect(AgentJournal.entries("health-failed", name: vm, since: since).count == 1)
                #expect(agent.stop() == 0)
            }
        }

        /// The diskless TCG VM, restarted for a change (it ignores ACPI: 2 s, then destroyed) and healthy
        /// when it has run 2 s and `port` on 127.0.0.1 accepts, within 8 s.
        static func vm(_ host: HostFixture, memory: String, port: Int) -> String {
            AgentManifests.vm(host, memory: memory) + """

                  restartPolicy: Graceful
                  shutdownTimeout: 2s
                  health: {timeout: 8s, runningFor: 2s, tcp: "127.0.0.1:\(port)"}
                """
        }
    }
}

extension AgentProcess {
    /// `lastAppliedRevision` of the status file.
    func lastApplied() -> String? { (try? status())?["lastAppliedRevision"] as? String }
}
