internal import Foundation

extension CommitVerifier {
    /// `ssh-keygen -Y find-principals` names who the allowed_signers file says holds the signing key;
    /// `ssh-keygen -Y verify` then checks the signature as that principal, in git's namespace.
    func verifySSH(
        signature: Data,
        signedData: Data,
        allowedSigners: String,
        in scratch: ScratchDirectory
    ) throws -> Verdict {
        let signatureFile = try scratch.write("commit.sig", signature)
        let dataFile = try scratch.write("commit.data", signedData)
        let found = try scratch.run(
            sshKeygenPath,
            ["-Y", "find-principals", "-s", signatureFile, "-f", allowedSigners]
        )
        let principals = found.output.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        guard found.status == 0, !principals.isEmpty else {
            return .rejected(
                tool: "ssh-keygen",
                output: "no principal of \(allowedSigners) holds the signing key (\(found.errors))"
            )
        }
        var refusals: [String] = []
        for principal in principals {
            let verified = try scratch.run(
                sshKeygenPath,
                ["-Y", "verify", "-f", allowedSigners, "-I", principal, "-n", "git", "-s", signatureFile],
                input: dataFile
            )
            if verified.status == 0 { return .accepted }
            refusals.append("\(principal): \(verified.errors.isEmpty ? verified.output : verified.errors)")
        }
        return .rejected(tool: "ssh-keygen", output: refusals.joined(separator: "; "))
    }

    /// `gpgv` trusts exactly the keys of the keyring given; its home is the scratch directory so it
    /// neither reads nor writes the agent user's ~/.gnupg.
    func verifyGPG(signature: Data, signedData: Data, keyring: String, in scratch: ScratchDirectory) throws -> Verdict {
        let signatureFile = try scratch.write("commit.sig", signature)
        let dataFile = try scratch.write("commit.data", signedData)
        let verified = try scratch.run(
            gpgvPath,
            ["--homedir", scratch.url.path, "--keyring", keyring, signatureFile, dataFile]
        )
        // gpgv explains itself over several lines; one line reads better in the journal and status file.
        let explanation = verified.errors.split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        return verified.status == 0 ? .accepted : .rejected(tool: "gpgv", output: explanation.joined(separator: "; "))
    }
}

/// A private (0700) temporary directory for one verification's files, removed when it ends.
struct ScratchDirectory {
    let url: URL

    /// What a tool run ended with: exit status, standard output and standard error (trimmed).
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    static func using<Value>(_ body: (ScratchDirectory) throws -> Value) throws -> Value {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url,
            withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o700]
        )
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(ScratchDirectory(url: url))
    }

    /// Writes `data` to a file of the directory (readable by this user only) and returns its path.
    func write(_ name: String, _ data: Data) throws -> String {
        let path = url.appendingPathComponent(name).path
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw SignatureError.Reason.failed("cannot write \(path)")
        }
        return path
    }

    /// Runs `tool` with `input` (a file) as standard input. Output goes to files rather than pipes,
    /// so a chatty tool cannot block on a full pipe while this waits for it to exit.
    func run(_ tool: String, _ arguments: [String], input: String? = nil) throws -> Result {
        let outputPath = try write("stdout", Data())
        let errorsPath = try write("stderr", Data())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LC_ALL": "C"]
        process.standardInput =
            try input.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) } ?? FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsPath))
        do {
            try process.run()
        } catch {
            throw SignatureError.Reason.failed("cannot run \(tool): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: try Self.text(outputPath),
            errors: try Self.text(errorsPath)
        )
    }

    private static func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
