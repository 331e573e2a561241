import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The journald the tests write to, and read back through `journalctl`: a channel other than the code
/// under test. Started once per test process when none runs (as root this works without systemd as PID 1)
/// and left running for later tests and tools (`make services` starts one the same way).
public enum Journald {
    public static let socketPath = "/run/systemd/journal/socket"

    /// Whether journald accepts entries; the first use starts it when none runs.
    public static let isRunning: Bool = startIfNeeded()

    /// Now, in journald's unit (µs since the epoch): a `since` for the entries a test is about to cause.
    public static func now() -> UInt64 { UInt64(Date().timeIntervalSince1970 * 1_000_000) }

    /// The entries matching every `field=value` pair and written at or after `since` (µs since the epoch),
    /// each as field names to values: one query, no waiting.
    public static func query(_ matches: [(String, String)], since: UInt64 = 0) throws -> [[String: String]] {
        let result = try ChildProcess("journalctl", ["-o", "json", "--no-pager"] + matches.map { "\($0.0)=\($0.1)" })
            .run()
        return try result.outputData.split(separator: UInt8(ascii: "\n")).map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] ?? [:]
            return object.compactMapValues(text)
        }.filter { (UInt64($0["__REALTIME_TIMESTAMP"] ?? "") ?? 0) >= since }
    }

    /// The matching entries, polled every 50 ms for up to `timeout` until at least one shows up.
    public static func entries(
        _ matches: [(String, String)],
        since: UInt64 = 0,
        timeout: Duration = .seconds(3)
    ) async throws -> [[String: String]] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found = try query(matches, since: since)
            if !found.isEmpty || ContinuousClock.now >= deadline { return found }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The first matching entry, polled every 25 ms from a thread that may block; nil when none came
    /// within `timeout`.
    public static func first(_ matches: [(String, String)], since: UInt64, timeout: Duration) -> [String: String]? {
        var found: [String: String]?
        poll(timeout: timeout, every: .milliseconds(25)) {
            found = (try? query(matches, since: since))?.first
            return found != nil
        }
        return found
    }

    private static func startIfNeeded() -> Bool {
        if (try? ChildProcess("pgrep", ["-x", "systemd-journal"]).run().status) != 0 {
            // Started and let go: the handle is dropped without killing (see `detach`), since later
            // tests and tools use the same journald.
            guard let journald = try? ChildProcess("/lib/systemd/systemd-journald").start() else { return false }
            journald.detach()
        }
        return poll(timeout: .seconds(3), every: .milliseconds(50)) { socketAccepts() }
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

    /// journalctl writes a value as a JSON string, or as an array of bytes when it is not printable.
    private static func text(_ value: Any) -> String? {
        if let string = value as? String { return string }
        if let bytes = value as? [Int] { return String(decoding: bytes.map { UInt8($0) }, as: UTF8.self) }
        return nil
    }
}
