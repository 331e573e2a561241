internal import Crypto
internal import Foundation

/// Checks that a webhook request comes from the git server that shares the agent's secret.
///
/// GitHub signs the body with HMAC-SHA256 (`X-Hub-Signature-256: sha256=<hex>`), Gitea likewise but
/// bare (`X-Gitea-Signature: <hex>`); GitLab sends the secret itself (`X-Gitlab-Token`). Every
/// comparison takes the same time whatever the bytes, so a wrong guess tells nothing of the right one.
public struct WebhookVerifier: Sendable {
    /// The git server a request's signature came from.
    public enum Sender: String, Sendable, Hashable {
        case github, gitea, gitlab
    }

    /// Why a request was refused, for the agent's log.
    public enum Rejection: Error, Sendable, Hashable, CustomStringConvertible {
        case missingSignature
        case badSignature(Sender)

        public var description: String {
            switch self {
            case .missingSignature: "no X-Hub-Signature-256, X-Gitea-Signature or X-Gitlab-Token header"
            case .badSignature(let sender): "the \(sender.rawValue) signature does not match the secret"
            }
        }
    }

    private let secret: [UInt8]

    public init(secret: some Collection<UInt8>) { self.secret = Array(secret) }

    /// The secret from `secretFile`, without its trailing newline.
    public init(secretFile path: String) throws(SecretFileError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SecretFileError(path: path, reason: "cannot read the file")
        }
        var bytes = Array(data)
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard !bytes.isEmpty else { throw SecretFileError(path: path, reason: "the secret is empty") }
        self.init(secret: bytes)
    }

    /// The sender whose signature matches, or why none does. `header` looks a header up by name,
    /// case-insensitively (HTTP field names are).
    public func verify(body: some Collection<UInt8>, header: (String) -> String?) throws(Rejection) -> Sender {
        if let signature = header("X-Hub-Signature-256") {
            return try check(hex: signature.hasPrefix("sha256=") ? signature.dropFirst(7) : nil, body, .github)
        }
        if let signature = header("X-Gitea-Signature") {
            return try check(hex: Substring(signature), body, .gitea)
        }
        if let token = header("X-Gitlab-Token") {
            guard Self.constantTimeEqual(Array(SHA256.hash(data: Array(token.utf8))), Array(SHA256.hash(data: secret)))
            else {
                throw .badSignature(.gitlab)
            }
            return .gitlab
        }
        throw .missingSignature
    }

    private func check(hex: Substring?, _ body: some Collection<UInt8>, _ sender: Sender) throws(Rejection) -> Sender {
        guard let hex, let code = Self.bytes(hex: hex),
            HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: Array(body), using: SymmetricKey(data: secret))
        else { throw .badSignature(sender) }
        return sender
    }

    /// Equal-length digests compared with no early exit.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Lower- or upper-case hex; nil when it is not exactly a SHA-256 digest.
    static func bytes(hex: Substring) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 2 * SHA256.byteCount else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// The webhook secret file could not be used.
public struct SecretFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): error: \(reason)" }
}
