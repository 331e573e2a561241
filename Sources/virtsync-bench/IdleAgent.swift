import Foundation

/// The agent at rest: `virtsync-agent` following a local git repository of `objects` managed objects on
/// libvirt's in-process test driver, measured from /proc after its first reconcile, over `seconds`.
/// What an operator sees in `top` beside node_exporter: resident memory (anonymous and file-backed
/// apart, since code pages of the binary are shared and reclaimable) and CPU per core.
struct IdleAgent {
    var agent: String
    var objects = 50
    var seconds = 60

    struct Figures {
        var rss: Double
        var anon: Double
        var file: Double
        var cpuShare: Double
        var threads: Int
    }

    func measure(in directory: URL) throws -> Figures {
        let config = try writeFixture(in: directory)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: agent)
        process.arguments = ["--config", config.path]
        let log = directory.appendingPathComponent("idle-agent.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        (process.standardOutput, process.standardError) = (handle, handle)
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        try waitForFirstReconcile(state: directory.appendingPathComponent("state"), process: process)
        let before = try Self.cpuTicks(process.processIdentifier)
        Thread.sleep(forTimeInterval: Double(seconds))
        let after = try Self.cpuTicks(process.processIdentifier)
        let status = try Self.status(process.processIdentifier)
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        return Figures(
            rss: status["VmRSS"] ?? 0, anon: status["RssAnon"] ?? 0, file: status["RssFile"] ?? 0,
            cpuShare: Double(after - before) / ticksPerSecond / Double(seconds), threads: Int(status["Threads"] ?? 0))
    }

    /// A git repository with one network, one pool and the rest split between volumes and running domains.
    private func writeFixture(in directory: URL) throws -> URL {
        let repository = directory.appendingPathComponent("repo")
        let fleet = repository.appendingPathComponent("fleet")
        try FileManager.default.createDirectory(at: fleet, withIntermediateDirectories: true)
        let pairs = max(1, (objects - 2) / 2)
        var documents = [
            "kind: Network\nmetadata: {name: idle-net}\nspec: {forward: {mode: nat}, bridge: {name: idlebr0}, ips: [{address: 10.99.0.1, prefix: 24}]}",
            "kind: StoragePool\nmetadata: {name: idle-pool}\nspec: {type: dir, target: {path: /var/lib/libvirt/images/idle-pool}}",
        ]
        for index in 0..<pairs {
            documents.append("kind: Volume\nmetadata: {name: idle-\(index).qcow2}\nspec: {pool: idle-pool, capacity: 1GiB, format: qcow2}")
            documents.append("""
                kind: Domain
                metadata: {name: idle-\(index)}
                spec: {type: qemu, memory: 128MiB, vcpus: 1, state: running, devices: {disks: [{target: vda, volume: {pool: idle-pool, name: idle-\(index).qcow2}}], interfaces: [{network: idle-net, model: virtio}]}}
                """)
        }
        let text = documents.map { "apiVersion: virtsync/v1\n\($0)\n" }.joined(separator: "---\n")
        try text.write(to: fleet.appendingPathComponent("all.yaml"), atomically: true, encoding: .utf8)
        for arguments in [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "idle fixture"]] {
            try Self.git(arguments, in: repository)
        }
        let config = directory.appendingPathComponent("config.yaml")
        try """
            connect: "test:///default"
            stateDir: \(directory.appendingPathComponent("state").path)
            paths: [fleet]
            source: {url: "file://\(repository.path)", ref: main, interval: 60s}
            metrics: {listen: "127.0.0.1:0"}
            """.write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    private func waitForFirstReconcile(state: URL, process: Process) throws {
        let status = state.appendingPathComponent("status.json")
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            guard process.isRunning else { throw UsageError("the idle agent exited early (see idle-agent.log)") }
            if let text = try? String(contentsOf: status, encoding: .utf8), text.contains("\"lastAppliedRevision\"") { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw UsageError("the idle agent applied nothing within 120 s (see idle-agent.log)")
    }

    private static func git(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-c", "user.name=virtsync bench", "-c", "user.email=bench@virtsync.invalid"] + arguments
        process.currentDirectoryURL = directory
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw UsageError("git \(arguments.joined(separator: " ")) failed") }
    }

    /// `/proc/PID/status` sizes in MiB (and the thread count as is).
    private static func status(_ pid: Int32) throws -> [String: Double] {
        let text = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            guard parts.count >= 2, let number = Double(parts[1]) else { continue }
            values[String(parts[0])] = parts.count >= 3 && parts[2] == "kB" ? number / 1024 : number
        }
        return values
    }

    /// User plus system time in clock ticks, fields 14 and 15 of `/proc/PID/stat` (after the command name).
    private static func cpuTicks(_ pid: Int32) throws -> Int {
        let text = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        guard let close = text.lastIndex(of: ")") else { throw UsageError("cannot read /proc/\(pid)/stat") }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else {
            throw UsageError("cannot read /proc/\(pid)/stat")
        }
        return user + system
    }
}
