internal import CGit2
internal import Foundation

/// The entries of an OpenSSH known_hosts file that this module can check a host key against.
///
/// Only plain host names are read: hashed entries (`|1|salt|hash`) need HMAC-SHA1, which this
/// module does not carry, and wildcard patterns (`*`, `?`, `!`) are not matched. Both are counted so
/// the refusal can say why. `@cert-authority` lines are skipped; `@revoked` keys are refused.
struct KnownHosts: Sendable {
    /// One usable line: the names it lists, the key type and the decoded key blob.
    struct Entry: Sendable, Equatable {
        var names: [String]
        var keyType: String
        var key: [UInt8]
        var revoked: Bool
    }

    /// What the file says about a host's key.
    enum Verdict: Sendable, Equatable {
        case trusted
        case unknown
        case changed
        case revoked
    }

    var entries: [Entry] = []
    var hashedEntries = 0

    /// Parses the text of a known_hosts file; lines it cannot read are skipped, as ssh does.
    init(text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            parse(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init))
        }
    }

    /// Reads and parses a known_hosts file.
    init(path: String) throws(GitError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .own("known_hosts", GIT_ECERTIFICATE, GIT_ERROR_SSH, "cannot read known_hosts file \(path)")
        }
        self.init(text: String(decoding: data, as: UTF8.self))
    }

    private mutating func parse(_ fields: [String]) {
        var fields = fields[...]
        guard let first = fields.first, !first.hasPrefix("#") else { return }
        var revoked = false
        if first.hasPrefix("@") {
            guard first == "@revoked" else { return }
            revoked = true
            fields = fields.dropFirst()
        }
        guard fields.count >= 3 else { return }
        let hosts = fields[fields.startIndex]
        if hosts.hasPrefix("|") {
            hashedEntries += 1
            return
        }
        let keyType = fields[fields.startIndex + 1]
        guard let key = Data(base64Encoded: fields[fields.startIndex + 2]) else { return }
        let names = hosts.split(separator: ",").map(String.init)
        entries.append(Entry(names: names, keyType: keyType, key: Array(key), revoked: revoked))
    }

    /// The name known_hosts files use for a host: `host` on port 22, `[host]:port` elsewhere.
    static func name(host: String, port: Int) -> String {
        port == 22 ? host : "[\(host)]:\(port)"
    }

    /// Checks a host key blob (SSH wire format, as the server sends it) for a host name.
    func verdict(name: String, key: [UInt8]) -> Verdict {
        let listed = entries.filter { $0.names.contains(name) }
        if listed.contains(where: { $0.revoked && $0.key == key }) { return .revoked }
        if listed.contains(where: { !$0.revoked && $0.key == key }) { return .trusted }
        let type = Self.keyType(of: key)
        return listed.contains(where: { !$0.revoked && $0.keyType == type }) ? .changed : .unknown
    }

    /// The key type a blob names in its first field (a big-endian length, then the name).
    static func keyType(of key: [UInt8]) -> String {
        guard key.count >= 4 else { return "" }
        let length = key[0..<4].reduce(0) { $0 << 8 | Int($1) }
        guard length <= key.count - 4 else { return "" }
        return String(decoding: key[4..<(4 + length)], as: UTF8.self)
    }
}
