import Foundation
import TestSupport

/// An ed25519 SSH key made by ssh-keygen for one test, and what an allowed_signers file says of it.
struct SSHSigner {
    let keyFile: String
    let publicKey: String

    init(in temp: TemporaryDirectory, name: String) throws {
        keyFile = temp.path("\(name)-ssh")
        try Shell.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", keyFile])
        publicKey = try String(contentsOfFile: keyFile + ".pub", encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines
        )
    }

    /// Writes an allowed_signers file trusting `signers`, each for git's namespace, and returns its path.
    static func allowedSigners(_ signers: [(principal: String, signer: SSHSigner)], at path: String) throws -> String {
        let lines = signers.map { "\($0.principal) namespaces=\"git\" \($0.signer.publicKey)\n" }
        try lines.joined().write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// A GPG key generated without a passphrase in a GNUPGHOME of the test's own; `stop()` ends its agent.
struct GPGSigner {
    let home: String
    let fingerprint: String

    init(in temp: TemporaryDirectory, name: String) throws {
        home = temp.path("\(name)-gnupg")
        try FileManager.default.createDirectory(
            atPath: home,
            withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o700]
        )
        try Shell.run([
            "gpg", "--homedir", home, "--batch", "--quiet", "--passphrase", "", "--quick-gen-key",
            "\(name) <\(name)@example.invalid>", "ed25519", "sign", "never",
        ])
        let listing = try Shell.run(["gpg", "--homedir", home, "--with-colons", "--list-secret-keys"])
        let fingerprintLine = listing.split(separator: "\n").first { $0.hasPrefix("fpr:") }
        fingerprint =
            fingerprintLine.map { String($0.split(separator: ":", omittingEmptySubsequences: false)[9]) } ?? ""
    }

    /// Exports the public key as a binary keyring, the form gpgv reads.
    func exportKeyring(to path: String) throws -> String {
        try Shell.run(["gpg", "--homedir", home, "--batch", "--yes", "--export", "--output", path, fingerprint])
        return path
    }

    func stop() {
        _ = try? Shell.run(["gpgconf", "--homedir", home, "--kill", "gpg-agent"])
    }
}

extension SourceRepository {
    /// Writes a file and commits it signed with an SSH key, returning the commit's id.
    @discardableResult
    func commit(_ file: String, _ content: String, signedWith signer: SSHSigner) throws -> String {
        try content.write(to: url.appendingPathComponent(file), atomically: true, encoding: .utf8)
        try git("add", file)
        try git(
            "-c",
            "gpg.format=ssh",
            "-c",
            "user.signingkey=\(signer.keyFile)",
            "commit",
            "-q",
            "-S",
            "-m",
            "signed \(file)"
        )
        return try git("rev-parse", "HEAD")
    }

    /// Writes a file and commits it signed with a GPG key, returning the commit's id.
    @discardableResult
    func commit(_ file: String, _ content: String, signedWith signer: GPGSigner) throws -> String {
        try content.write(to: url.appendingPathComponent(file), atomically: true, encoding: .utf8)
        try git("add", file)
        try Shell.run(
            [
                "git", "-c", "user.name=Virtsync Test", "-c", "user.email=test@example.invalid",
                "-c", "gpg.format=openpgp", "-c", "user.signingkey=\(signer.fingerprint)", "commit", "-q", "-S", "-m",
                "gpg-signed \(file)",
            ],
            in: url,
            environment: ["GNUPGHOME": signer.home]
        )
        return try git("rev-parse", "HEAD")
    }
}
