import Foundation
import Testing

@testable import Git

@Suite("known_hosts checks for SSH host keys")
struct KnownHostsTests {
    /// An SSH wire-format key blob: the type name, then key bytes, each length-prefixed.
    static func blob(_ type: String, _ fill: UInt8) -> [UInt8] {
        func field(_ bytes: [UInt8]) -> [UInt8] {
            let count = UInt32(bytes.count)
            return [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: count >> $0) } + bytes
        }
        return field(Array(type.utf8)) + field([UInt8](repeating: fill, count: 32))
    }

    static func line(_ hosts: String, _ type: String, _ fill: UInt8, marker: String = "") -> String {
        let key = Data(blob(type, fill)).base64EncodedString()
        return (marker.isEmpty ? "" : marker + " ") + "\(hosts) \(type) \(key) comment"
    }

    let ed25519 = blob("ssh-ed25519", 1)

    @Test("a listed key is trusted, under any of the names of its line")
    func listedKeyIsTrusted() {
        let hosts = KnownHosts(text: "# comment\n\n" + Self.line("git.example.org,10.0.0.5", "ssh-ed25519", 1))
        #expect(hosts.verdict(name: "git.example.org", key: ed25519) == .trusted)
        #expect(hosts.verdict(name: "10.0.0.5", key: ed25519) == .trusted)
    }

    @Test("a host with no line is unknown, and the refusal says how to add it")
    func unknownHostIsRefused() {
        let hosts = KnownHosts(text: Self.line("other.example.org", "ssh-ed25519", 1))
        #expect(hosts.verdict(name: "git.example.org", key: ed25519) == .unknown)
        let error = #expect(throws: GitError.self) {
            try hosts.check(host: "git.example.org", port: 22, key: ed25519, path: "/etc/kh")
        }
        #expect(
            error?.message == "git.example.org has no ssh-ed25519 host key in /etc/kh: add it "
                + "(ssh-keyscan -t ssh-ed25519 git.example.org >> /etc/kh) after checking its fingerprint"
        )
        #expect(error?.code == .certificate)
    }

    @Test("a different key of the same type is a changed key and refused")
    func changedKeyIsRefused() {
        let hosts = KnownHosts(text: Self.line("git.example.org", "ssh-ed25519", 2))
        #expect(hosts.verdict(name: "git.example.org", key: ed25519) == .changed)
        let error = #expect(throws: GitError.self) {
            try hosts.check(host: "git.example.org", port: 22, key: ed25519, path: "/etc/kh")
        }
        #expect(error?.message.contains("does not match") == true)
    }

    @Test("a key of another type only is unknown, not changed")
    func otherTypeIsUnknown() {
        let hosts = KnownHosts(text: Self.line("git.example.org", "ecdsa-sha2-nistp256", 1))
        #expect(hosts.verdict(name: "git.example.org", key: ed25519) == .unknown)
    }

    @Test("a key marked @revoked is refused even when also listed")
    func revokedKeyIsRefused() {
        let text =
            Self.line("git.example.org", "ssh-ed25519", 1) + "\n"
            + Self.line("git.example.org", "ssh-ed25519", 1, marker: "@revoked")
        #expect(KnownHosts(text: text).verdict(name: "git.example.org", key: ed25519) == .revoked)
    }

    @Test("hashed entries are not read, and the refusal says to use unhashed ones")
    func hashedEntriesAreExplained() {
        let hosts = KnownHosts(text: "|1|c2FsdA==|aGFzaA== ssh-ed25519 AAAA")
        let error = #expect(throws: GitError.self) {
            try hosts.check(host: "git.example.org", port: 22, key: ed25519, path: "/etc/kh")
        }
        #expect(error?.message.hasSuffix("hashed entries (|1|…) are not read, use unhashed ones") == true)
    }

    @Test("a non-standard port is looked up as [host]:port, taken from the remote URL")
    func portsNameHosts() throws {
        let hosts = KnownHosts(text: Self.line("[git.example.org]:2222", "ssh-ed25519", 1))
        let port = KnownHosts.port(ofURL: "ssh://git@git.example.org:2222/ops/manifests.git")
        #expect(port == 2222)
        try hosts.check(host: "git.example.org", port: port, key: ed25519, path: "/etc/kh")
        #expect(hosts.verdict(name: KnownHosts.name(host: "git.example.org", port: 22), key: ed25519) == .unknown)
        #expect(KnownHosts.port(ofURL: "git@git.example.org:ops/manifests.git") == 22)
        #expect(KnownHosts.port(ofURL: "ssh://[::1]:2200/repo") == 2200)
        #expect(KnownHosts.port(ofURL: "ssh://git@host/repo") == 22)
    }

    @Test("a missing known_hosts file is refused with its path")
    func missingFile() {
        let error = #expect(throws: GitError.self) { try KnownHosts(path: "/nonexistent/known_hosts") }
        #expect(error?.message == "cannot read known_hosts file /nonexistent/known_hosts")
    }
}
