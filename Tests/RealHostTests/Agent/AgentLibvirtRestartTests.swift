import Foundation
import TestSupport
import Testing

extension RealHost {
    @Suite("The agent outlives a libvirtd restart")
    struct AgentLibvirtRestartTests {
        @Test("after libvirtd is stopped and started again, a hand edit is still seen and repaired")
        func reconnectsAfterRestart() throws {
            try RealHost.withHost { host in
                try #require(AgentJournal.ensureRunning(), "no journald to read the agent's entries from")
                let agent = try AgentScenario.start(host).agent
                let vm = host.name("vm")
                // Whatever happens below, the tests after this one find libvirtd answering again.
                defer { LibvirtDaemon.ensureRunning() }
                // The fixture's own connection goes to the libvirtd about to die; closing it later writes
                // to a dead socket, and SIGPIPE's default would end the whole test process.
                signal(SIGPIPE, SIG_IGN)
                try LibvirtDaemon.restart()
                #expect(Virsh.state(vm) == "running", "the VM did not survive the libvirtd restart")

                // The agent retries with backoff (1 s, 2 s, …): give it time to come back before editing.
                let since = AgentJournal.now()
                let restarted = ContinuousClock.now
                var repaired = false
                let deadline = ContinuousClock.now + .seconds(60)
                while !repaired && ContinuousClock.now < deadline {
                    if Virsh.vcpus(vm) == 1 { try AgentScenario.setVcpus(vm, 2, in: host) }
                    repaired = AgentJournal.first("drift-repaired", name: vm, since: since, timeout: .seconds(5)) != nil
                }
                #expect(repaired, "no drift-repaired entry after the libvirtd restart: \(agent.tail())")
                #expect(poll(timeout: .seconds(10)) { Virsh.vcpus(vm) == 1 })
                print("e2e: libvirtd back -> hand edit repaired after \(ContinuousClock.now - restarted)")
                #expect(agent.stop() == 0)
            }
        }
    }
}

/// libvirtd as `scripts/services.sh` runs it (`libvirtd -d`, no systemd).
enum LibvirtDaemon {
    /// SIGTERM to every libvirtd, wait for them to go, start one again and wait until it answers.
    static func restart() throws {
        let pids = Shell.lines(Shell.run(["pgrep", "-x", "libvirtd"])).compactMap { Int32($0) }
        try #require(!pids.isEmpty, "no libvirtd runs")
        for pid in pids { kill(pid, SIGTERM) }
        let gone = poll(timeout: .seconds(30)) { !Shell.run(["pgrep", "-x", "libvirtd"]).succeeded }
        try #require(gone, "libvirtd did not stop on SIGTERM")
        let started = start()
        try #require(started.succeeded, "libvirtd -d: \(started.error)")
        try #require(poll(timeout: .seconds(30)) { Shell.virsh("uri").succeeded }, "libvirtd did not answer again")
    }

    static func ensureRunning() {
        if !Shell.run(["pgrep", "-x", "libvirtd"]).succeeded { start() }
        poll(timeout: .seconds(30)) { Shell.virsh("uri").succeeded }
    }

    /// `libvirtd -d`, as `scripts/services.sh` runs it. The shared runner gives it an empty signal mask
    /// and default dispositions (a libvirtd that inherited the test runner's blocked SIGTERM could never be
    /// stopped again) and files, not pipes, for its output; `-d` forks the daemon and the parent exits 0.
    @discardableResult
    private static func start() -> Shell.Result {
        Shell.run(["libvirtd", "-d"])
    }
}
