import Foundation

/// The journald the journal tests write to: started once per test process when none runs, and read
/// back through `journalctl`.
enum Journald {
    static let socketPath = "/run/systemd/journal/socket"

    /// Whether journald accepts entries; the first use starts it when no journald runs (as root this
    /// works without systemd as PID 1). It is left running for later tests and tools.
    static let isRunning: Bool = startIfNeeded()

    /// The entries whose `field` equals `value`, polled for up to `timeout` until at least one shows up;
    /// each entry maps field names to values.
    static func entries(where field: String, is value: String, timeout: Duration = .seconds(2)) async throws -> [[String: String]] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found = try query(["-o", "json", "\(field)=\(value)"])
            if !found.isEmpty || ContinuousClock.now >= deadline { return found }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    private static func startIfNeeded() -> Bool {
        if !processRunning() {
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

    private static func processRunning() -> Bool {
        (try? run("/usr/bin/pgrep", ["-x", "systemd-journal"]).status) == 0
    }

    /// Whether a datagram socket can connect: a socket file left by a dead journald refuses.
    private static func socketAccepts() -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0, var address = try? UnixAddress.make(socketPath) else { return false }
        defer { close(descriptor) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }

    private static func query(_ arguments: [String]) throws -> [[String: String]] {
        let output = try run("/usr/bin/journalctl", arguments).output
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

    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
