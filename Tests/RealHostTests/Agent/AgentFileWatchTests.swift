import Foundation
import TestSupport
import Testing

extension RealHost {
    /// Hand edits libvirt sends no event for (and the ones it does), made with virsh while the agent
    /// runs with a 300 s poll interval and a 300 s driftInterval: each must reach journald as drift
    /// within 2 s, through libvirt's events or the file watch on /etc/libvirt and the pool directory.
    @Suite("Every hand edit is seen within 2 s")
    struct AgentFileWatchTests {
        /// An isolated network, a dir pool, two qcow2 volumes and a running VM using the network and one
        /// volume (the other is resized and deleted: qemu holds a write lock on an attached image).
        static func manifests(_ host: HostFixture) -> [String: String] {
            [
                "all.yaml": """
                apiVersion: virtsync/v1
                kind: Network
                metadata: {name: \(host.name("net"))}
                spec:
                  bridge: {name: \(host.bridge(0))}
                ---
                apiVersion: virtsync/v1
                kind: StoragePool
                metadata: {name: \(host.name("pool"))}
                spec: {type: dir, target: {path: \(host.poolDirectory)}}
                ---
                apiVersion: virtsync/v1
                kind: Volume
                metadata: {name: \(host.name("disk.qcow2"))}
                spec: {pool: \(host.name("pool")), capacity: 1MiB, format: qcow2}
                ---
                apiVersion: virtsync/v1
                kind: Volume
                metadata: {name: \(host.name("data.qcow2"))}
                spec: {pool: \(host.name("pool")), capacity: 2MiB, format: qcow2, deletionPolicy: Delete}
                ---
                apiVersion: virtsync/v1
                kind: Domain
                metadata: {name: \(host.name("vm"))}
                spec:
                  type: qemu
                  memory: 64MiB
                  vcpus: 1
                  devices:
                    disks:
                      - target: vdb
                        volume: {pool: \(host.name("pool")), name: \(host.name("disk.qcow2"))}
                    interfaces:
                      - network: \(host.name("net"))
                        mac: 52:54:00:aa:bb:01
                  state: running
                  autostart: false
                """
            ]
        }

        /// One hand edit: what it is, the object whose drift entry it must produce, and the virsh call.
        struct Edit {
            var name: String
            var object: String
            var run: () throws -> Void
        }

        static func edits(_ host: HostFixture) -> [Edit] {
            let vm = host.name("vm")
            let net = host.name("net")
            let pool = host.name("pool")
            let volume = host.name("data.qcow2")
            let work = host.manifestDirectory.deletingLastPathComponent()
            func virsh(_ arguments: String...) throws {
                let result = Shell.run(["virsh", "-c", RealHost.uri] + arguments)
                try #require(result.succeeded, "virsh \(arguments.joined(separator: " ")): \(result.error)")
            }
            return [
                Edit(name: "define (edited XML)", object: vm) { try AgentScenario.setVcpus(vm, 2, in: host) },
                Edit(name: "setmaxmem --config", object: vm) { try virsh("setmaxmem", vm, "96M", "--config") },
                Edit(name: "setvcpus --config --maximum", object: vm) {
                    try virsh("setvcpus", vm, "3", "--config", "--maximum")
                },
                Edit(name: "attach-device --config", object: vm) {
                    let file = work.appendingPathComponent("iface.xml")
                    try
                        "<interface type='network'><source network='\(net)'/><mac address='52:54:00:aa:bb:02'/></interface>"
                        .write(to: file, atomically: true, encoding: .utf8)
                    try virsh("attach-device", vm, file.path, "--config")
                },
                Edit(name: "detach-disk --config", object: vm) { try virsh("detach-disk", vm, "vdb", "--config") },
                Edit(name: "detach-interface --config", object: vm) {
                    try virsh("detach-interface", vm, "network", "--mac", "52:54:00:aa:bb:01", "--config")
                },
                Edit(name: "autostart (domain)", object: vm) { try virsh("autostart", vm) },
                Edit(name: "net-autostart --disable", object: net) { try virsh("net-autostart", net, "--disable") },
                Edit(name: "pool-autostart --disable", object: pool) { try virsh("pool-autostart", pool, "--disable") },
                // A shrink: a volume grown by hand could not be repaired (virtsync never shrinks).
                Edit(name: "vol-resize --shrink", object: volume) {
                    try virsh("vol-resize", volume, "1M", "--pool", pool, "--shrink")
                },
                Edit(name: "destroy (running VM)", object: vm) { try virsh("destroy", vm) },
                Edit(name: "net-destroy", object: net) { try virsh("net-destroy", net) },
                Edit(name: "vol-delete", object: volume) { try virsh("vol-delete", volume, "--pool", pool) },
                Edit(name: "pool-destroy", object: pool) { try virsh("pool-destroy", pool) },
                // Undefining a running VM only makes it transient; stopped first, it is gone.
                Edit(name: "destroy + undefine", object: vm) {
                    _ = Shell.virsh("destroy", vm)
                    try virsh("undefine", vm)
                },
            ]
        }

        static func start(_ host: HostFixture, mode: String) throws -> AgentProcess {
            let repository = try AgentRepository(host: host)
            try repository.commit("all", Self.manifests(host))
            var options = AgentProcess.Options()
            options.mode = mode
            options.interval = "300s"
            options.driftInterval = "300s"
            let agent = try AgentProcess(host: host, repository: repository, options: options)
            let running = poll(timeout: .seconds(60)) { Virsh.state(host.name("vm")) == "running" }
            try #require(running, "vm not running: \(agent.tail())")
            let settled = poll(timeout: .seconds(30)) {
                ((try? agent.status())?["reconciles"] as? [[String: Any]])?.first?["result"] as? String == "in-sync"
            }
            try #require(settled, "no in-sync pass: \(agent.tail())")
            Thread.sleep(forTimeInterval: 1)
            return agent
        }

        /// Makes each edit, measures edit → journald drift entry; in enforce mode waits for the repair.
        static func measure(_ host: HostFixture, _ agent: AgentProcess, repair: Bool) throws -> [(String, Double?)] {
            var table: [(String, Double?)] = []
            for edit in edits(host) {
                let since = AgentJournal.now()
                try edit.run()
                // From the moment virsh returned: `destroy` alone can take a second while qemu exits.
                let done = AgentJournal.now()
                let drift = AgentJournal.first("drift", name: edit.object, since: since, timeout: .seconds(5))
                let latency = drift.flatMap { UInt64($0["__REALTIME_TIMESTAMP"] ?? "") }.map {
                    Double(max($0, done) - done) / 1000
                }
                table.append((edit.name, latency))
                #expect(
                    latency.map { $0 <= 2000 } == true,
                    "\(edit.name): drift entry after \(latency.map { "\($0) ms" } ?? "none in 5 s"): \(agent.tail(8))"
                )
                if repair {
                    let repaired = AgentJournal.first(
                        "drift-repaired",
                        name: edit.object,
                        since: since,
                        timeout: .seconds(30)
                    )
                    #expect(repaired != nil, "\(edit.name): not repaired: \(agent.tail(8))")
                    let settled = poll(timeout: .seconds(30)) {
                        ((try? agent.status())?["reconciles"] as? [[String: Any]])?.first?["result"] as? String
                            == "in-sync"
                    }
                    #expect(settled, "\(edit.name): no in-sync pass after the repair: \(agent.tail(8))")
                } else {
                    Thread.sleep(forTimeInterval: 0.3)
                }
            }
            let mode = repair ? "enforce" : "report"
            print("file watch (\(mode)): edit -> journald drift entry, ms")
            for (name, latency) in table {
                print(
                    "  \(name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(latency.map { String(format: "%.0f", $0) } ?? "none")"
                )
            }
            return table
        }

        @Test("enforce: 15 kinds of virsh edit each give a drift entry within 2 s, then a repair")
        func enforce() throws {
            try RealHost.withHost { host in
                try #require(AgentJournal.ensureRunning(), "no journald to read the agent's entries from")
                let agent = try Self.start(host, mode: "enforce")
                _ = try Self.measure(host, agent, repair: true)
                #expect(agent.stop() == 0)
            }
        }

        @Test("report: the same edits are reported within 2 s and left as they are")
        func report() throws {
            try RealHost.withHost { host in
                try #require(AgentJournal.ensureRunning(), "no journald to read the agent's entries from")
                let agent = try Self.start(host, mode: "report")
                let since = AgentJournal.now()
                _ = try Self.measure(host, agent, repair: false)
                Thread.sleep(forTimeInterval: 2)
                let repaired = AgentJournal.entries(
                    "drift-repaired",
                    field: "VIRTSYNC_EVENT",
                    value: "drift-repaired",
                    since: since
                )
                .filter { ($0["VIRTSYNC_NAME"] ?? "").hasPrefix(host.prefix) }
                #expect(repaired.isEmpty, "report mode repaired: \(repaired)")
                #expect(Virsh.state(host.name("vm")) == nil, "the undefined VM was brought back")
                #expect(
                    Shell.virsh("pool-info", host.name("pool")).output.contains("inactive"),
                    "the destroyed pool was started"
                )
                #expect(agent.stop() == 0)
            }
        }
    }
}
