import Foundation
import TestSupport

/// `git daemon` serving a directory on 127.0.0.1 at a free port, for the length of a test.
final class GitDaemon {
    let port: Int
    private let server: RunningChild

    /// Starts the daemon over `basePath` and waits until it accepts connections.
    init(basePath: URL) throws {
        port = try FreePort.next()
        // git-daemon itself, not the `git daemon` wrapper: the kill in `stop` must reach the server.
        server = try ChildProcess(
            try Shell.run(["git", "--exec-path"]) + "/git-daemon",
            [
                "--export-all", "--base-path=\(basePath.path)", "--port=\(port)", "--listen=127.0.0.1", "--reuseaddr",
                basePath.path,
            ]
        ).start()
        guard poll(timeout: .seconds(5), every: .milliseconds(50), { FreePort.accepts(port) }) else {
            stop()
            throw Shell.Failure(description: "git daemon did not listen on port \(port) within 5 s: \(server.tail())")
        }
    }

    /// `git://127.0.0.1:<port>/<name>`.
    func url(_ name: String) -> String {
        "git://127.0.0.1:\(port)/\(name)"
    }

    /// Stops the daemon (SIGKILL to its process group) and waits for it to exit.
    func stop() {
        server.kill()
    }
}
