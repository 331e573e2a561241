import Foundation
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

    /// `libvirtd -d` spawned with default signal dispositions and an empty signal mask, its output on
    /// /dev/null. Foundation's `Process` passes on the test runner's mask, which blocks SIGTERM: a
    /// libvirtd started that way could never be stopped again. And a daemon holding Shell's pipes
    /// would keep the read for its output from ever ending.
    @discardableResult
    private static func start() -> Shell.Result {
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        posix_spawnattr_init(&attributes)
        posix_spawn_file_actions_init(&actions)
        defer {
            posix_spawnattr_destroy(&attributes)
            posix_spawn_file_actions_destroy(&actions)
        }
        var empty = sigset_t()
        var all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        for descriptor in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let arguments = ["libvirtd", "-d"]
        var pointers = arguments.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "libvirtd", &actions, &attributes, &pointers, environ)
        guard spawned == 0 else { return Shell.Result(status: -1, output: "", error: String(cString: strerror(spawned))) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        // `-d` forks the daemon and its parent exits: 0 once the daemon is on its way.
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
        return Shell.Result(status: code, output: "", error: code == 0 ? "" : "exit status \(status)")
    }
}
