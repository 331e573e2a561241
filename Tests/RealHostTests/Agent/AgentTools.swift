import Foundation
import Testing

/// A loopback TCP port nothing listens on right now (bound to port 0, then released).
enum FreePort {
    static func next() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0, "socket: \(errno)")
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        try #require(bound, "bind: \(errno)")
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// HTTP to the agent through curl: a client the agent's own code has no part in.
enum HTTP {
    struct Reply {
        var status: Int
        var body: String
    }

    static func get(_ port: Int, _ path: String) -> Reply? { request(["http://127.0.0.1:\(port)\(path)"]) }

    static func post(_ port: Int, _ path: String, body: String, headers: [String]) -> Reply? {
        request(["-X", "POST", "--data-binary", body, "-H", "Content-Type: application/json"]
            + headers.flatMap { ["-H", $0] } + ["http://127.0.0.1:\(port)\(path)"])
    }

    /// The body, then the status code on a last line of its own.
    private static func request(_ arguments: [String]) -> Reply? {
        let result = Shell.run(["curl", "-s", "--max-time", "10", "-w", "\n%{http_code}"] + arguments)
        guard result.succeeded, let newline = result.output.lastIndex(of: "\n"),
            let status = Int(result.output[result.output.index(after: newline)...])
        else { return nil }
        return Reply(status: status, body: String(result.output[..<newline]))
    }
}

/// HMAC-SHA256 through openssl, so the signature is computed independently of the agent's verifier.
enum HMAC {
    static func sha256Hex(_ message: String, key: String) -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vsrt-hmac-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        guard (try? message.write(to: file, atomically: true, encoding: .utf8)) != nil else { return nil }
        let result = Shell.run(["openssl", "dgst", "-sha256", "-hmac", key, "-r", file.path])
        return result.succeeded ? result.output.split(separator: " ").first.map(String.init) : nil
    }
}

/// journald, which the agent reports to: started when none runs, read back with `journalctl`.
enum AgentJournal {
    static let socketPath = "/run/systemd/journal/socket"

    /// Starts systemd-journald when no process of that name runs (as root, without systemd as PID 1),
    /// and waits for its socket; false when it could not be started.
    static func ensureRunning() -> Bool {
        if !Shell.run(["pgrep", "-x", "systemd-journal"]).succeeded {
            let journald = Process()
            journald.executableURL = URL(fileURLWithPath: "/lib/systemd/systemd-journald")
            journald.standardInput = FileHandle.nullDevice
            journald.standardOutput = FileHandle.nullDevice
            journald.standardError = FileHandle.nullDevice
            guard (try? journald.run()) != nil else { return false }
        }
        return poll(timeout: .seconds(3)) { FileManager.default.fileExists(atPath: socketPath) }
    }

    /// Entries of `event` about the object `name` written at or after `since` (µs since the epoch).
    static func entries(_ event: String, name: String, since: UInt64 = 0) -> [[String: String]] {
        let output = Shell.run(["journalctl", "-o", "json", "--no-pager", "VIRTSYNC_EVENT=\(event)", "VIRTSYNC_NAME=\(name)"]).output
        return output.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object.compactMapValues { $0 as? String }
        }.filter { (UInt64($0["__REALTIME_TIMESTAMP"] ?? "") ?? 0) >= since }
    }

    /// Entries of `event` whose journald `field` is `value`, written at or after `since`.
    static func entries(_ event: String, field: String, value: String, since: UInt64 = 0) -> [[String: String]] {
        let output = Shell.run(["journalctl", "-o", "json", "--no-pager", "VIRTSYNC_EVENT=\(event)", "\(field)=\(value)"]).output
        return output.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object.compactMapValues { $0 as? String }
        }.filter { (UInt64($0["__REALTIME_TIMESTAMP"] ?? "") ?? 0) >= since }
    }

    /// Polls for the first such entry; nil when none came within `timeout`.
    static func first(_ event: String, name: String, since: UInt64, timeout: Duration) -> [String: String]? {
        var found: [String: String]?
        poll(timeout: timeout, every: .milliseconds(25)) {
            found = entries(event, name: name, since: since).first
            return found != nil
        }
        return found
    }

    /// Now, in journald's unit (µs since the epoch).
    static func now() -> UInt64 { UInt64(Date().timeIntervalSince1970 * 1_000_000) }
}

/// Libvirt state seen through virsh.
enum Virsh {
    static func state(_ domain: String) -> String? {
        let result = Shell.virsh("domstate", domain)
        return result.succeeded ? result.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    /// `<memory unit='KiB'>` of the persistent definition.
    static func memoryKiB(_ domain: String) -> Int? {
        let xml = Shell.virsh("dumpxml", "--inactive", domain).output
        guard let match = xml.firstMatch(of: #/<memory unit='KiB'>(\d+)</memory>/#) else { return nil }
        return Int(match.1)
    }

    static func vcpus(_ domain: String) -> Int? {
        let xml = Shell.virsh("dumpxml", "--inactive", domain).output
        guard let match = xml.firstMatch(of: #/<vcpu[^>]*>(\d+)</vcpu>/#) else { return nil }
        return Int(match.1)
    }
}
