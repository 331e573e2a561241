import Foundation

/// The journald the journal tests write to: started once per test process when none runs (as root this
/// works without systemd as PID 1), and read back through `journalctl`. The same approach as SystemdTests'.
enum Journald {
    static let socketPath = "/run/systemd/journal/socket"

    /// Whether journald accepts entries; the first use starts it when none runs. It is left running.
    static let isRunning: Bool = startIfNeeded()

    /// The entries matching every `field=value` pair, polled for up to `timeout` until one shows up.
    static func entries(_ matches: [(String, String)], timeout: Duration = .seconds(3)) async throws -> [[String: String]] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found = try query(["-o", "json"] + matches.map { "\($0.0)=\($0.1)" })
            if !found.isEmpty || ContinuousClock.now >= deadline { return found }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    private static func startIfNeeded() -> Bool {
        if (try? Tool.run("/usr/bin/pgrep", ["-x", "systemd-journal"]).status) != 0 {
            let journald = Process()
            journald.executableURL = URL(fileURLWithPath: "/lib/systemd/systemd-journald")
            // Its output must not hold the test runner's pipes open after the tests end.
            journald.standardInput = FileHandle.nullDevice
            journald.standardOutput = FileHandle.nullDevice
            journald.standardError = FileHandle.nullDevice
            guard (try? journald.run()) != nil else { return false }
        }
        let deadline = ContinuousClock.now + .seconds(2)
        while ContinuousClock.now < deadline {
            if socketAccepts() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Whether a datagram socket can connect: a socket file left by a dead journald refuses.
    private static func socketAccepts() -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(socketPath.utf8)) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }

    private static func query(_ arguments: [String]) throws -> [[String: String]] {
        let output = try Tool.run("/usr/bin/journalctl", arguments).output
        return try output.split(separator: UInt8(ascii: "\n")).map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] ?? [:]
            return object.compactMapValues(text)
        }
    }

    /// journalctl writes a value as a JSON string, or as an array of bytes when it is not printable.
    private static func text(_ value: Any) -> String? {
        if let string = value as? String { return string }
        if let bytes = value as? [Int] { return String(decoding: bytes.map { UInt8($0) }, as: UTF8.self) }
        return nil
    }
}
