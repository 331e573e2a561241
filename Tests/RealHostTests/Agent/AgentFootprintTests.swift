import Foundation
import TestSupport
import Testing

extension RealHost {
    @Suite("How fast the agent follows git and how little it costs idle")
    struct AgentFootprintTests {
        @Test("with a 5 s poll interval a commit is applied without a webhook within 15 s")
        func pollAppliesCommit() throws {
            try RealHost.withHost { host in
                let repository = try AgentRepository(host: host)
                try repository.commit("a pool", ["pool.yaml": AgentManifests.pool(host)])
                var options = AgentProcess.Options()
                options.interval = "5s"
                let agent = try AgentProcess(host: host, repository: repository, options: options)
                try repository.commit("add a VM", ["vm.yaml": AgentManifests.vm(host)])
                let committed = ContinuousClock.now
                let exists = poll(timeout: .seconds(15), every: .milliseconds(50)) {
                    Virsh.state(host.name("vm")) != nil
                }
                #expect(exists, "no VM 15 s after the commit: \(agent.tail())")
                print("e2e: commit -> VM defined via 5 s poll: \(ContinuousClock.now - committed)")
                #expect(agent.stop() == 0)
            }
        }

        @Test("a webhook gets a commit defined within 10 s")
        func webhookAppliesCommit() throws {
            try RealHost.withHost { host in
                let repository = try AgentRepository(host: host)
                try repository.commit("a pool", ["pool.yaml": AgentManifests.pool(host)])
                let agent = try AgentProcess(host: host, repository: repository)
                try repository.commit("add a VM", ["vm.yaml": AgentManifests.vm(host)])
                let committed = ContinuousClock.now
                #expect(agent.webhook() == 202)
                let exists = poll(timeout: .seconds(10), every: .milliseconds(50)) {
                    Virsh.state(host.name("vm")) != nil
                }
                #expect(exists, "no VM 10 s after the webhook: \(agent.tail())")
                print("e2e: commit -> VM defined via webhook: \(ContinuousClock.now - committed)")
                #expect(agent.stop() == 0)
            }
        }

        /// 62-64 MiB before the agent released start-up's pages after its first pass (StartupPages), 42 MiB
        /// after (debug build); the release build's figures are `make bench`'s.
        @Test("an idle agent holds under 56 MiB resident and uses under 2 % of a CPU over a minute")
        func idleFootprint() throws {
            try RealHost.withHost { host in
                let agent = try AgentScenario.start(host).agent
                let before = try #require(ProcStat.cpuTicks(agent.pid))
                Thread.sleep(forTimeInterval: 60)
                let after = try #require(ProcStat.cpuTicks(agent.pid))
                let rss = try #require(ProcStat.rssKiB(agent.pid))
                let cpuSeconds = Double(after - before) / Double(sysconf(Int32(_SC_CLK_TCK)))
                print("e2e: idle agent: VmRSS \(rss) KiB, CPU \(cpuSeconds) s over 60 s (\(cpuSeconds / 60 * 100) %)")
                #expect(rss < 56 * 1024)
                #expect(cpuSeconds / 60 < 0.02)
                #expect(agent.stop() == 0)
            }
        }
    }
}

/// A process's resident memory and CPU time from /proc.
enum ProcStat {
    static func rssKiB(_ pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    /// utime + stime in clock ticks (fields 14 and 15 of /proc/PID/stat, counted after the command name,
    /// which may hold spaces).
    static func cpuTicks(_ pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After ")": state is field 3, so utime (14) and stime (15) are at offsets 11 and 12.
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }
}
