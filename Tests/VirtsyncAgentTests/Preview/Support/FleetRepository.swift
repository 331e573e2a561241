import Foundation
import TestSupport
import Testing

/// The fleet's repository, served by `git daemon` on 127.0.0.1: the test commits and moves refs in it
/// with the git command line, as a forge would.
final class FleetRepository {
    let root: URL
    let directory: URL
    let port: Int
    private let daemon: RunningChild

    init(root: URL) throws {
        self.root = root
        directory = root.appendingPathComponent("fleet")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = try FreePort.next()
        try Self.git(["init", "-q", "-b", "main"], in: directory)
        // git-daemon itself, not the `git daemon` wrapper, so that killing it ends the server.
        daemon = try ChildProcess(
            try Self.git(["--exec-path"], in: directory) + "/git-daemon",
            [
                "--export-all", "--base-path=\(root.path)", "--port=\(port)", "--listen=127.0.0.1", "--reuseaddr",
                root.path,
            ]
        ).start()
        let listening = poll(timeout: .seconds(5), every: .milliseconds(50)) { FreePort.accepts(self.port) }
        try #require(listening, "git daemon did not listen on \(port): \(daemon.tail())")
    }

    var url: String { "git://127.0.0.1:\(port)/fleet" }

    /// Makes the work tree exactly `files` on `branch` (created from main when new) and commits.
    @discardableResult
    func commit(_ files: [String: String], on branch: String = "main") throws -> String {
        // The work tree stays on main between commits; a pull request's branch starts from main.
        if branch != "main" { try git("checkout", "-q", "-B", branch, "main") }
        for item in try FileManager.default.contentsOfDirectory(atPath: directory.path) where item != ".git" {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(item))
        }
        for (path, text) in files {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", "change on \(branch)")
        let id = try git("rev-parse", "HEAD")
        if branch != "main" { try git("checkout", "-q", "-f", "main") }
        return id
    }

    /// What a forge does when a pull request is opened or pushed to, and when it is closed (nil).
    func setRef(_ ref: String, to id: String?) throws {
        if let id { try git("update-ref", ref, id) } else { try git("update-ref", "-d", ref) }
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String { try Self.git(arguments, in: directory) }

    /// Runs git in `directory` with a fixed identity; returns its trimmed output, a failure throws.
    @discardableResult
    static func git(_ arguments: [String], in directory: URL) throws -> String {
        let identity = [
            "-c", "user.name=fleet", "-c", "user.email=fleet@example.invalid", "-c", "commit.gpgsign=false",
        ]
        return try ChildProcess("git", identity + arguments, directory: directory).run().check(
            "git \(arguments.joined(separator: " "))"
        )
        .trimmedOutput
    }
}
