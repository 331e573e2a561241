import Foundation
import TestSupport
import Testing

/// HTTP to the agent through curl: a client the agent's own code has no part in.
enum HTTP {
    struct Reply {
        var status: Int
        var body: String
    }

    static func get(_ port: Int, _ path: String) -> Reply? { request(["http://127.0.0.1:\(port)\(path)"]) }

    static func post(_ port: Int, _ path: String, body: String, headers: [String]) -> Reply? {
        request(
            ["-X", "POST", "--data-binary", body, "-H", "Content-Type: application/json"]
                + headers.flatMap { ["-H", $0] } + ["http://127.0.0.1:\(port)\(path)"]
        )
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
        guard
            let result = try? ChildProcess.run(
                ["openssl", "dgst", "-sha256", "-hmac", key, "-r"],
                input: Data(message.utf8)
            ),
            result.succeeded
        else { return nil }
        return result.output.split(separator: " ").first.map(String.init)
    }
}

/// The agent's journald entries (`VIRTSYNC_EVENT=…`), read through the shared `Journald`.
enum AgentJournal {
    /// Whether journald accepts entries (started when none runs).
    static func ensureRunning() -> Bool { Journald.isRunning }

    /// Entries of `event` about the object `name` written at or after `since` (µs since the epoch).
    static func entries(_ event: String, name: String, since: UInt64 = 0) -> [[String: String]] {
        entries(event, field: "VIRTSYNC_NAME", value: name, since: since)
    }

    /// Entries of `event` whose journald `field` is `value`, written at or after `since`.
    static func entries(_ event: String, field: String, value: String, since: UInt64 = 0) -> [[String: String]] {
        (try? Journald.query([("VIRTSYNC_EVENT", event), (field, value)], since: since)) ?? []
    }

    /// Polls for the first such entry; nil when none came within `timeout`.
    static func first(_ event: String, name: String, since: UInt64, timeout: Duration) -> [String: String]? {
        first(event, field: "VIRTSYNC_NAME", value: name, since: since, timeout: timeout)
    }

    /// Polls for the first entry of `event` whose `field` is `value`; nil when none came within `timeout`.
    static func first(
        _ event: String,
        field: String,
        value: String,
        since: UInt64,
        timeout: Duration
    ) -> [String: String]? {
        Journald.first([("VIRTSYNC_EVENT", event), (field, value)], since: since, timeout: timeout)
    }

    /// Now, in journald's unit (µs since the epoch).
    static func now() -> UInt64 { Journald.now() }
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
