import Foundation
import TestSupport
import Testing
import VirtsyncReport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One simulated host: `virtsync run` as a child process on its own `test:///default` (that driver keeps
/// its state per process, so each child is a host of its own), with its own name, labels, state
/// directory and listeners.
final class FleetAgent {
    let name: String
    let metricsPort: Int
    let webhookPort: Int
    let secret: String
    let stateDirectory: URL
    let log: URL
    private let process: RunningChild

    init(name: String, labels: [String: String], repository: FleetRepository, root: URL, interval: String) throws {
        self.name = name
        metricsPort = try FreePort.next()
        webhookPort = try FreePort.next()
        secret = "secret-\(name)"
        stateDirectory = root.appendingPathComponent("state-\(name)")
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        let secretFile = root.appendingPathComponent("\(name).secret")
        try secret.write(to: secretFile, atomically: true, encoding: .utf8)
        let labelText = labels.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        let config = root.appendingPathComponent("\(name).yaml")
        try """
        connect: test:///default
        stateDir: \(stateDirectory.path)
        host: {name: \(name), labels: {\(labelText)}}
        paths: ["hosts/\(name)", "common"]
        source:
          url: \(repository.url)
          ref: main
          interval: \(interval)
          preview: {refs: ["refs/pull/*/head"], minInterval: 1s}
        webhook: {listen: "127.0.0.1:\(webhookPort)", secretFile: \(secretFile.path)}
        metrics: {listen: "127.0.0.1:\(metricsPort)"}
        """.write(to: config, atomically: true, encoding: .utf8)
        log = root.appendingPathComponent("\(name).log")
        process = try ChildProcess(RepositoryPaths.builtProduct("virtsync").path, ["run", "--config", config.path])
            .start(log: log)
    }

    deinit { stop() }

    /// SIGTERM, then SIGKILL after 10 s.
    func stop() {
        process.terminate(timeout: .seconds(10))
    }

    var address: String { "127.0.0.1:\(metricsPort)" }

    /// `GET /previews`, nil until the agent answers.
    func previews() -> PreviewReport? {
        get("/previews").flatMap { try? PreviewReport.decode($0) }
    }

    /// The value of one series of `GET /metrics` (its full text before the value), nil when absent.
    func metric(_ series: String) -> Double? {
        guard let text = get("/metrics").map({ String(decoding: $0, as: UTF8.self) }) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap {
            Double($0.split(separator: " ").last ?? "")
        }
    }

    func status() -> AgentStatus? {
        try? StatusFile.load(path: stateDirectory.appendingPathComponent("status.json").path)
    }

    /// A signed `POST /webhook`, as a forge sends on a push; returns the HTTP status.
    @discardableResult
    func webhook() -> Int {
        let body = #"{"ref":"refs/pull/1/head"}"#
        let signature = Self.hmac(body, key: secret)
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(webhookPort)/webhook")!)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue("sha256=\(signature)", forHTTPHeaderField: "X-Hub-Signature-256")
        return Self.send(request).status
    }

    func tail(_ lines: Int = 20) -> String {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").suffix(lines).joined(
            separator: "\n"
        )
    }

    private func get(_ path: String) -> Data? {
        let reply = Self.send(URLRequest(url: URL(string: "http://127.0.0.1:\(metricsPort)\(path)")!))
        return reply.status == 200 ? reply.data : nil
    }

    /// A blocking HTTP exchange (the tests poll from plain loops).
    static func send(_ request: URLRequest) -> (status: Int, data: Data?) {
        let done = DispatchSemaphore(value: 0)
        let box = ReplyBox()
        var request = request
        request.timeoutInterval = 5
        URLSession.shared.dataTask(with: request) { data, response, _ in
            box.set((response as? HTTPURLResponse)?.statusCode ?? 0, data)
            done.signal()
        }.resume()
        done.wait()
        return box.get()
    }

    /// HMAC-SHA256 in hex, by openssl (as a forge signs its webhooks).
    static func hmac(_ message: String, key: String) -> String {
        let result = try? ChildProcess("openssl", ["dgst", "-sha256", "-hmac", key, "-r"], input: Data(message.utf8))
            .run()
        return result?.output.split(separator: " ").first.map(String.init) ?? ""
    }
}

/// The reply of one request, handed from URLSession's queue to the waiting test thread.
// @unchecked Sendable: written once before the semaphore is signalled, read after it is waited for.
private final class ReplyBox: @unchecked Sendable {
    private var value: (Int, Data?) = (0, nil)
    func set(_ status: Int, _ data: Data?) { value = (status, data) }
    func get() -> (status: Int, data: Data?) { value }
}
