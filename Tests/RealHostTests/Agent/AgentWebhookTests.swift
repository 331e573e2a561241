import Foundation
import TestSupport
import Testing

extension RealHost {
    @Suite("The agent follows git on a signed webhook")
    struct AgentWebhookTests {
        @Test("a commit adds, changes and removes a VM after each signed webhook; a bad signature gets 401")
        func webhookDrivesCommits() throws {
            try RealHost.withHost { host in
                let repository = try AgentRepository(host: host)
                try repository.commit("a pool", ["pool.yaml": AgentManifests.pool(host)])
                let agent = try AgentProcess(host: host, repository: repository)
                let vm = host.name("vm")

                try repository.commit("add a VM", ["vm.yaml": Self.vm(host)])
                let added = ContinuousClock.now
                try #require(agent.webhook() == 202, "webhook: \(agent.tail())")
                let running = poll(timeout: .seconds(60)) { Virsh.state(vm) == "running" }
                try #require(running, "\(vm) not running: \(agent.tail())")
                print("e2e: commit -> VM running via webhook: \(ContinuousClock.now - added)")

                try #require(AgentJournal.ensureRunning(), "no journald to read the agent's entries from")
                let since = AgentJournal.now()
                try repository.commit("more memory", ["vm.yaml": Self.vm(host, memory: "96MiB")])
                #expect(agent.webhook() == 202)
                let changed = poll(timeout: .seconds(60)) { Virsh.memoryKiB(vm) == 96 * 1024 }
                #expect(changed, "memory still \(Virsh.memoryKiB(vm) ?? -1) KiB: \(agent.tail())")
                // Running, the VM keeps 64 MiB until restarted: git's change, announced once, and no drift.
                let pending = AgentJournal.first("pending-restart", name: vm, since: since, timeout: .seconds(5))
                #expect(pending?["VIRTSYNC_FIELD"] == "memory", "\(pending ?? [:])")
                Thread.sleep(forTimeInterval: 2)
                #expect(
                    AgentJournal.entries("drift", name: vm, since: since).isEmpty,
                    "git's own change reported as drift"
                )
                #expect(AgentJournal.entries("pending-restart", name: vm, since: since).count == 1)

                #expect(agent.webhook(secret: "not-the-secret") == 401)
                #expect(HTTP.post(agent.webhookPort, "/webhook", body: "{}", headers: [])?.status == 401)

                // The guest boots no OS and ignores ACPI: prune waits the shutdownTimeout the inventory kept from
                // the last applied manifest (2 s, not the default 120 s) before pulling the plug.
                try repository.commit("remove the VM", ["vm.yaml": nil])
                let removed = ContinuousClock.now
                #expect(agent.webhook() == 202)
                let pruned = poll(timeout: .seconds(60), every: .milliseconds(100)) { Virsh.state(vm) == nil }
                #expect(pruned, "\(vm) still defined: \(agent.tail())")
                print("e2e: commit removing a running VM -> undefined: \(ContinuousClock.now - removed)")
                #expect(agent.stop() == 0)
            }
        }

        /// The diskless VM with a 2 s graceful-shutdown timeout: it ignores ACPI, so every shutdown (the
        /// prune's included) is a 2 s wait and a destroy.
        static func vm(_ host: HostFixture, memory: String = "64MiB") -> String {
            AgentManifests.vm(host, memory: memory) + """

                  shutdownTimeout: 2s
                """
        }
    }
}
