internal import Foundation
public import Git

/// The source's optional commit signature check (`source.verify`): a revision is used only when its
/// commit is signed by a key that an OpenSSH allowed_signers file or a GPG keyring trusts.
///
/// No crypto here: `ssh-keygen -Y verify` and `gpgv` decide, this only hands them the signature and
/// the signed bytes. A format whose trust file is not configured is refused, never waved through.
public struct CommitVerifier: Sendable, Hashable {
    /// An OpenSSH allowed_signers file (ssh-keygen(1), "ALLOWED SIGNERS"): trusts SSH-signed commits.
    public var allowedSigners: String?
    /// A GPG keyring in binary form (`gpg --export --output FILE`): trusts PGP-signed commits.
    public var gpgKeyring: String?
    /// Absolute tool paths, so the agent's PATH cannot substitute another program.
    public var sshKeygenPath: String
    public var gpgvPath: String

    public init(
        allowedSigners: String? = nil,
        gpgKeyring: String? = nil,
        sshKeygenPath: String = "/usr/bin/ssh-keygen",
        gpgvPath: String = "/usr/bin/gpgv"
    ) {
        self.allowedSigners = allowedSigners.map(Self.absolute)
        self.gpgKeyring = gpgKeyring.map(Self.absolute)
        self.sshKeygenPath = sshKeygenPath
        self.gpgvPath = gpgvPath
    }

    /// Returns when `commit` is signed by a trusted key; throws why not otherwise.
    public func verify(repository: GitRepository, commit: ObjectID) throws(SignatureError) {
        let extracted: (signature: Data, signedData: Data)?
        do {
            extracted = try repository.commitSignature(commit)
        } catch {
            throw SignatureError(commit: commit, reason: .failed("\(error)"))
        }
        guard let (signature, signedData) = extracted else { throw SignatureError(commit: commit, reason: .unsigned) }
        let verdict: Verdict
        do {
            verdict = try check(signature: signature, signedData: signedData)
        } catch let reason as SignatureError.Reason {
            throw SignatureError(commit: commit, reason: reason)
        } catch {
            throw SignatureError(commit: commit, reason: .failed("\(error)"))
        }
        if case .rejected(let tool, let output) = verdict {
            throw SignatureError(commit: commit, reason: .rejected(tool: tool, output: output))
        }
    }

    /// What a tool made of a signature.
    enum Verdict: Equatable {
        case accepted
        case rejected(tool: String, output: String)
    }

    private func check(signature: Data, signedData: Data) throws -> Verdict {
        let armor = String(decoding: signature.prefix(40), as: UTF8.self)
        if armor.hasPrefix("-----BEGIN SSH SIGNATURE-----") {
            guard let allowedSigners else { throw SignatureError.Reason.notConfigured(format: "SSH") }
            return try ScratchDirectory.using { scratch in
                try verifySSH(signature: signature, signedData: signedData, allowedSigners: allowedSigners, in: scratch)
            }
        }
        if armor.hasPrefix("-----BEGIN PGP SIGNATURE-----") {
            guard let gpgKeyring else { throw SignatureError.Reason.notConfigured(format: "GPG") }
            return try ScratchDirectory.using { scratch in
                try verifyGPG(signature: signature, signedData: signedData, keyring: gpgKeyring, in: scratch)
            }
        }
        throw SignatureError.Reason.unknownFormat
    }

    /// gpgv reads a keyring path without a slash as relative to its home: pin the one meant.
    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

extension SignatureError.Reason: Error {}
