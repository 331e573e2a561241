import Foundation
import TestSupport
import Testing

/// One `virtsync run` started as a child process against qemu:///system, with its config, state
/// directory, webhook secret and log file in the fixture's temp directory.
final class AgentProcess {
    /// Everything that differs between the agents of one test.
    struct Options {
        var mode = "enforce"
        var interval = "60s"
        var prune = true
        var stateName = "agent"
        /// `run --once`: the init waits for the process to exit instead of for `/healthz`.
        var once = false
        var driftInterval: String?
    }

    let process: RunningChild
    let webhookPort: Int
    let metricsPort: Int
    let stateDirectory: URL
    let secret: String
    let log: URL
    let config: URL

    /// Writes the config and starts the agent; returns once `/healthz` answers (the HTTP listener runs
    /// after the agent has connected to libvirt and fetched).
    init(host: HostFixture, repository: AgentRepository, options: Options = Options()) throws {
        let work = host.manifestDirectory.deletingLastPathComponent()
        stateDirectory = work.appendingPathComponent(options.stateName)
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        webhookPort = try FreePort.next()
        metricsPort = try FreePort.next()
        secret = "s3cret-\(host.id)"
        let secretFile = work.appendingPathComponent("\(options.stateName).secret")
        try "\(secret)\n".write(to: secretFile, atomically: true, encoding: .utf8)
        config = work.appendingPathComponent("\(options.stateName).yaml")
        try """
        connect: \(RealHost.uri)
        mode: \(options.mode)
        prune: \(options.prune)
        stateDir: \(stateDirectory.path)
        allowedPaths: [\(RealHost.imagesRoot)]
        maxDestroyShare: 1
        host: {name: vsrt-\(host.id)}
        paths: [manifests]
        source: {url: "\(repository.url)", ref: main, interval: \(options.interval)}
        webhook: {listen: "127.0.0.1:\(webhookPort)", secretFile: \(secretFile.path)}
        metrics: {listen: "127.0.0.1:\(metricsPort)"}
        \(options.driftInterval.map { "driftInterval: \($0)" } ?? "")
        """.write(to: config, atomically: true, encoding: .utf8)
        log = work.appendingPathComponent("\(options.stateName).log")
        process = try ChildProcess(
            Self.binary().path,
            ["run", "--config", config.path] + (options.once ? ["--once"] : [])
        ).start(log: log)
        if options.once {
            process.wait()
            return
        }
        let up = poll(timeout: .seconds(60)) {
            !self.process.isRunning || HTTP.get(self.metricsPort, "/healthz")?.status == 200
        }
        try #require(up && process.isRunning, "the agent did not come up: \(tail())")
    }

    deinit { stop() }

    var pid: Int32 { process.pid }

    /// Sends SIGTERM and waits up to `timeout`; returns the exit status, nil when it did not exit in time
    /// (it is then killed).
    @discardableResult
    func stop(timeout: Duration = .seconds(10)) -> Int32? {
        process.terminate(timeout: timeout)
    }

    /// The agent's status file, decoded as plain JSON.
    func status() throws -> [String: Any] {
        let data = try Data(contentsOf: stateDirectory.appendingPathComponent("status.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The number of reconciles the status file records (at most its history length).
    func reconcileCount() -> Int { ((try? status())?["reconciles"] as? [Any])?.count ?? 0 }

    /// Posts a webhook signed with the agent's secret (or with `secret`), returning the HTTP status.
    func webhook(secret: String? = nil) -> Int? {
        let body = #"{"ref":"refs/heads/main"}"#
        let signature = HMAC.sha256Hex(body, key: secret ?? self.secret)
        return HTTP.post(
            webhookPort,
            "/webhook",
            body: body,
            headers: ["X-Hub-Signature-256: sha256=\(signature ?? "")"]
        )?.status
    }

    /// The last lines of the agent's output, for failure messages.
    func tail(_ lines: Int = 30) -> String { process.tail(lines) }

    /// `virtsync` built beside the test bundle (`.build/debug/virtsync`); missing, the test fails.
    static func binary() throws -> URL { try RepositoryPaths.builtProduct("virtsync") }
}
