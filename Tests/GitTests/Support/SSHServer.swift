import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// An ed25519 key pair made by `ssh-keygen` without a passphrase: a host key or a client key.
struct SSHKeyPair {
    let privateKeyPath: String
    /// `ssh-ed25519 AAAA…`, without the comment: the form known_hosts and authorized_keys lines use.
    let publicKey: String

    /// Writes `<directory>/<name>` and `<name>.pub`.
    init(in directory: TemporaryDirectory, name: String) throws {
        privateKeyPath = directory.path(name)
        try Shell.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", privateKeyPath])
        let line = try String(contentsOfFile: privateKeyPath + ".pub", encoding: .utf8)
        publicKey = line.split(separator: " ").prefix(2).joined(separator: " ")
    }

    var publicKeyPath: String { privateKeyPath + ".pub" }
}

/// OpenSSH's sshd on 127.0.0.1 at a free port, with a host key of its own and one authorised
/// client key, serving `git-upload-pack` to root, for the length of a test.
final class SSHServer {
    let port: Int
    let hostKey: SSHKeyPair
    private let directory: TemporaryDirectory
    private let server: RunningChild

    /// Starts sshd, letting in only `authorizedKey`, and waits until it accepts connections.
    init(authorizedKey: SSHKeyPair) throws {
        directory = try TemporaryDirectory(prefix: "virtsync-git")
        port = try FreePort.next()
        hostKey = try SSHKeyPair(in: directory, name: "ssh_host_ed25519_key")
        // sshd refuses to start as root without its privilege-separation directory.
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        try (authorizedKey.publicKey + "\n").write(
            toFile: directory.path("authorized_keys"),
            atomically: true,
            encoding: .utf8
        )
        try Self.config(port: port, hostKey: hostKey, directory: directory).write(
            toFile: directory.path("sshd_config"),
            atomically: true,
            encoding: .utf8
        )
        // The absolute path: sshd re-executes itself for every connection.
        server = try ChildProcess("/usr/sbin/sshd", ["-D", "-e", "-f", directory.path("sshd_config")])
            .start(log: URL(fileURLWithPath: directory.path("sshd.log")))
        try waitUntilListening()
    }

    /// `ssh://root@127.0.0.1:<port><path>`, for a repository at an absolute path.
    func url(_ path: String) -> String {
        "ssh://root@127.0.0.1:\(port)\(path)"
    }

    /// The known_hosts line that trusts this server: `[127.0.0.1]:<port> ssh-ed25519 AAAA…`.
    var knownHostsLine: String {
        "[127.0.0.1]:\(port) \(hostKey.publicKey)"
    }

    /// What sshd wrote to its standard error, for a failing test's message.
    var log: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    /// Stops sshd and its per-connection children (SIGKILL to its process group), and removes its files.
    func stop() {
        server.kill()
        directory.remove()
    }

    deinit {
        stop()
    }

    private var logPath: String { directory.path("sshd.log") }

    private static func config(port: Int, hostKey: SSHKeyPair, directory: TemporaryDirectory) -> String {
        """
        ListenAddress 127.0.0.1:\(port)
        HostKey \(hostKey.privateKeyPath)
        PidFile \(directory.path("sshd.pid"))
        AuthorizedKeysFile \(directory.path("authorized_keys"))
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        StrictModes no
        PermitRootLogin prohibit-password
        SetEnv PATH=/usr/local/bin:/usr/bin:/bin
        LogLevel VERBOSE

        """
    }

    private func waitUntilListening() throws {
        if poll(timeout: .seconds(5), every: .milliseconds(50), { FreePort.accepts(port) || !server.isRunning }),
            server.isRunning
        {
            return
        }
        let log = log
        stop()
        throw Shell.Failure(description: "sshd did not listen on port \(port) within 5 s: \(log)")
    }
}

extension TemporaryDirectory {
    /// Writes a known_hosts file with `lines` and returns its path.
    func knownHosts(_ lines: String...) throws -> String {
        let path = path("known_hosts")
        try lines.map { $0 + "\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

extension SourceRepository {
    /// Makes `<path>` a bare copy of this repository: what an SSH server serves.
    func bareCopy(at path: String) throws {
        try Shell.run(["git", "clone", "-q", "--bare", url.path, path])
    }

    /// Pushes `main` to a bare copy.
    func push(to path: String) throws {
        try git("push", "-q", path, "main")
    }
}
