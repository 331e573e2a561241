import Foundation

/// The agent at rest: `virtsync-agent` with `objects` managed objects on libvirt's in-process test
/// driver, watched from /proc for `seconds` after its first reconcile. The window holds what a resting
/// agent does on a host: driftInterval passes (every 30 s, the default), the git poll (every 60 s) and a
/// Prometheus scrape every 15 s. What an operator sees in `top` beside node_exporter: resident memory
/// (anonymous and file-backed apart: code pages of the binary and the C libraries are file-backed) at
/// the end and at its highest (sampled every second), and CPU per core over the window.
struct IdleAgent {
    var agent: String
    /// A command the agent runs under (a profiler), or none.
    var wrapper: [String] = []
    var objects = 50
    var seconds = 60
    var driftInterval = 30
    var scrapeInterval = 15

    struct Figures {
        var end: ProcFigures
        var peakRSS: Double
        /// The resident part of the agent's own code (its executable mapping), MiB.
        var codeRSS: Double
        var cpuShare: Double
        var driftPasses: Int
        var scrapes: Int
    }

    func measure(in directory: URL) throws -> Figures {
        let agent = try BenchAgent(
            agent: agent,
            wrapper: wrapper,
            documents: documents(),
            driftInterval: driftInterval,
            in: directory
        )
        defer { agent.stop() }
        Progress.note("idle agent: pid \(agent.pid) at rest")
        let start = Date()
        let first = try ProcFigures(pid: agent.pid)
        var peak = first.rss
        var scrapes = 0
        for second in 1...seconds {
            Thread.sleep(until: start.addingTimeInterval(Double(second)))
            if second % scrapeInterval == 0, MetricsScrape.get(port: agent.metricsPort) { scrapes += 1 }
            peak = max(peak, try ProcFigures(pid: agent.pid).rss)
        }
        let last = try ProcFigures(pid: agent.pid)
        let elapsed = Date().timeIntervalSince(start)
        return Figures(
            end: last,
            peakRSS: max(peak, last.rss),
            codeRSS: ProcFigures.executableRSS(pid: agent.pid, path: agent.executable),
            cpuShare: (last.cpuSeconds - first.cpuSeconds) / elapsed,
            driftPasses: agent.passes(trigger: "drift", since: start),
            scrapes: scrapes
        )
    }

    /// One network, one pool and the rest split between volumes and running domains.
    private func documents() -> [String] {
        let pairs = max(1, (objects - 2) / 2)
        var documents = [
            "kind: Network\nmetadata: {name: idle-net}\nspec: {forward: {mode: nat}, bridge: {name: idlebr0}, ips: [{address: 10.99.0.1, prefix: 24}]}",
            "kind: StoragePool\nmetadata: {name: idle-pool}\nspec: {type: dir, target: {path: /var/lib/libvirt/images/idle-pool}}",
        ]
        for index in 0..<pairs {
            documents.append(
                "kind: Volume\nmetadata: {name: idle-\(index).qcow2}\nspec: {pool: idle-pool, capacity: 1GiB, format: qcow2}"
            )
            documents.append(
                """
                kind: Domain
                metadata: {name: idle-\(index)}
                spec: {type: qemu, memory: 128MiB, vcpus: 1, state: running, devices: {disks: [{target: vda, volume: {pool: idle-pool, name: idle-\(index).qcow2}}], interfaces: [{network: idle-net, model: virtio}]}}
                """
            )
        }
        return documents
    }
}

/// What one driftInterval pass costs the agent in CPU with `domains` managed domains: the agent runs with
/// a short driftInterval for `seconds`, and its CPU time over the window is divided by the passes made.
/// On `test:///default` the test driver's share (formatting each domain's XML, as libvirtd would) is
/// counted too.
struct DriftCost {
    var agent: String
    var domains = 500
    var driftInterval = 5
    var seconds = 30

    struct Figures {
        var cpuPerPass: Double
        var passes: Int
    }

    func measure(in directory: URL) throws -> Figures {
        let documents = (1...domains).map { index in
            "kind: Domain\nmetadata: {name: drift-\(index)}\nspec: {type: qemu, memory: 64MiB, vcpus: 1, state: shutoff}"
        }
        let agent = try BenchAgent(agent: agent, documents: documents, driftInterval: driftInterval, in: directory)
        defer { agent.stop() }
        let start = Date()
        let before = try ProcFigures(pid: agent.pid).cpuSeconds
        Thread.sleep(forTimeInterval: Double(seconds))
        let after = try ProcFigures(pid: agent.pid).cpuSeconds
        let passes = agent.passes(trigger: "drift", since: start)
        return Figures(cpuPerPass: passes > 0 ? (after - before) / Double(passes) : 0, passes: passes)
    }
}
