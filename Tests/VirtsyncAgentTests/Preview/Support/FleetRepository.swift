import Foundation
import Testing

/// The fleet's repository, served by `git daemon` on 127.0.0.1: the test commits and moves refs in it
/// with the git command line, as a forge would.
final class FleetRepository {
    let root: URL
    let directory: URL
    let port: Int
    private let daemon = Process()

    init(root: URL) throws {
        self.root = root
        directory = root.appendingPathComponent("fleet")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = try FreePort.next()
        try git("init", "-q", "-b", "main")
        // git-daemon itself, not the `git daemon` wrapper, so that killing it ends the server.
        daemon.executableURL = URL(fileURLWithPath: try git("--exec-path") + "/git-daemon")
        daemon.arguments = ["--export-all", "--base-path=\(root.path)", "--port=\(port)", "--listen=127.0.0.1", "--reuseaddr", root.path]
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        let listening = FleetPoll.until(timeout: .seconds(5)) { FreePort.accepts(self.port) }
        try #require(listening, "git daemon did not listen on \(port)")
    }

    deinit {
        if daemon.isRunning {
            kill(daemon.processIdentifier, SIGKILL)
            daemon.waitUntilExit()
        }
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
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
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
    func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-c", "user.name=fleet", "-c", "user.email=fleet@example.invalid", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Polling for the fleet tests.
enum FleetPoll {
    /// Checks `condition` every 50 ms until it holds (true) or `timeout` passes (false).
    static func until(timeout: Duration, _ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }
}

/// Ports on 127.0.0.1.
enum FreePort {
    /// One the kernel picks for a socket bound to port 0, then released.
    static func next() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(ok, "no free port")
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    private static func loopback(_ port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        return address
    }
}
