public import Git

/// Why a commit's signature was refused: the commit and the reason, worded for the journal and the
/// status file (the reconciler reports it as a source failure and keeps the last good revision).
public struct SignatureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The commit refused.
    public var commit: ObjectID
    public var reason: Reason

    /// What was wrong with the commit's signature, or with checking it.
    public enum Reason: Sendable, Equatable {
        /// The commit carries no signature at all.
        case unsigned
        /// A signature neither SSH nor OpenPGP armored.
        case unknownFormat
        /// Signed in a format (`"SSH"`, `"GPG"`) whose trust file the config does not name.
        case notConfigured(format: String)
        /// The tool checked the signature and said no; `output` is what it said.
        case rejected(tool: String, output: String)
        /// The check could not be run (a tool missing, a temporary file unwritable, the commit unreadable).
        case failed(String)
    }

    public init(commit: ObjectID, reason: Reason) {
        self.commit = commit
        self.reason = reason
    }

    public var description: String {
        "commit \(commit.hex) refused: \(reasonText)"
    }

    private var reasonText: String {
        switch reason {
        case .unsigned: "it is not signed, and source.verify requires a signature"
        case .unknownFormat: "its signature is neither an SSH nor a PGP signature"
        case .notConfigured(let format):
            "it has \(format == "SSH" ? "an" : "a") \(format) signature, but source.verify names no "
                + (format == "SSH" ? "allowedSigners file" : "gpgKeyring")
        case .rejected(let tool, let output): "\(tool) did not accept its signature: \(output)"
        case .failed(let message): "its signature could not be checked: \(message)"
        }
    }
}
