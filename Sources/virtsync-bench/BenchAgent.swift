import Foundation

/// One `virtsync-agent` started by the benchmark: following a local git repository of manifests on
/// libvirt's in-process test driver, its log in the run's directory, stopped with SIGTERM at the end.
///
/// `test:///default` keeps the objects inside the agent's process: what libvirtd would hold for a real
/// host (the domains' definitions and state) is counted in the agent's memory here, so the figures are
/// an upper bound of what the agent holds beside a real libvirtd.
final class BenchAgent {
    let process = Process()
    let directory: URL
    let metricsPort: Int
    /// The agent's executable, as its mappings name it.
    let executable: String

    /// Writes `documents` (YAML, one manifest each) into a repository, the config, and starts the agent;
    /// returns after its first reconcile.
    /// `wrapper`, when not empty, is a command the agent runs under (its first word an absolute path).
    init(agent: String, wrapper: [String] = [], documents: [String], driftInterval: Int, in directory: URL) throws {
        self.directory = directory
        executable = URL(fileURLWithPath: agent).resolvingSymlinksInPath().path
        metricsPort = try Self.freePort()
        let config = try Self.writeFixture(
            documents,
            driftInterval: driftInterval,
            metricsPort: metricsPort,
            in: directory
        )
        let command = wrapper + [agent, "--config", config.path]
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let log = directory.appendingPathComponent("agent.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardInput = FileHandle.nullDevice
        (process.standardOutput, process.standardError) = (handle, handle)
        try process.run()
        do {
            try waitForFirstReconcile()
        } catch {
            stop()
            throw error
        }
    }

    var pid: Int32 { process.processIdentifier }

    var statusFile: URL { directory.appendingPathComponent("state/status.json") }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// How many passes the status file lists that were started by `trigger` since `since` (it keeps the
    /// last ten).
    func passes(trigger: String, since: Date) -> Int {
        guard let data = try? Data(contentsOf: statusFile),
            let status = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let reconciles = status["reconciles"] as? [[String: Any]]
        else { return 0 }
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return reconciles.filter { reconcile in
            guard reconcile["trigger"] as? String == trigger, let text = reconcile["startedAt"] as? String,
                let started = parser.date(from: text)
            else { return false }
            return started >= since
        }.count
    }

    private func waitForFirstReconcile() throws {
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            guard process.isRunning else {
                throw UsageError("the agent exited early (see \(directory.path)/agent.log)")
            }
            if let text = try? String(contentsOf: statusFile, encoding: .utf8), text.contains("\"lastAppliedRevision\"")
            {
                return
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw UsageError("the agent applied nothing within 300 s (see \(directory.path)/agent.log)")
    }

    private static func writeFixture(
        _ documents: [String],
        driftInterval: Int,
        metricsPort: Int,
        in directory: URL
    ) throws -> URL {
        let repository = directory.appendingPathComponent("repo")
        let fleet = repository.appendingPathComponent("fleet")
        try FileManager.default.createDirectory(at: fleet, withIntermediateDirectories: true)
        let text = documents.map { "apiVersion: virtsync/v1\n\($0)\n" }.joined(separator: "---\n")
        try text.write(to: fleet.appendingPathComponent("all.yaml"), atomically: true, encoding: .utf8)
        for arguments in [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "bench fixture"]] {
            try git(arguments, in: repository)
        }
        let config = directory.appendingPathComponent("config.yaml")
        try """
        connect: "test:///default"
        stateDir: \(directory.appendingPathComponent("state").path)
        paths: [fleet]
        driftInterval: \(driftInterval)s
        source: {url: "file://\(repository.path)", ref: main, interval: 60s}
        metrics: {listen: "127.0.0.1:\(metricsPort)"}
        """.write(to: config, atomically: true, encoding: .utf8)
        return config
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

    /// A port nothing listens on now: bound to port 0, read back, closed.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw UsageError("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw UsageError("cannot find a free port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
