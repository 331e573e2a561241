import Foundation
import Git
import TestSupport
import Testing

@Suite("a real sshd whose host key known_hosts does not vouch for is refused")
struct SSHHostKeyTests {
    /// Clones from a fresh sshd with the authorised client key and a known_hosts file of `lines`.
    /// Also returns the file's path, for the message (the file itself is gone by then).
    func cloneError(knownHosts lines: (SSHServer) -> [String]) throws -> (GitError?, SSHServer, String) {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp, name: "work")
        try source.commit("web.yaml", "v1")
        let bare = temp.path("manifests.git")
        try source.bareCopy(at: bare)
        let client = try SSHKeyPair(in: temp, name: "deploy_key")
        let server = try SSHServer(authorizedKey: client)
        let knownHostsPath = temp.path("known_hosts")
        try lines(server).map { $0 + "\n" }.joined().write(toFile: knownHostsPath, atomically: true, encoding: .utf8)
        let options = FetchOptions(
            credentials: .sshKey(
                SSHKey(
                    username: "root",
                    privateKeyPath: client.privateKeyPath,
                    knownHostsPath: knownHostsPath
                )
            )
        )
        let error = #expect(throws: GitError.self) {
            try GitRepository.clone(url: server.url(bare), to: temp.path("clone"), options: options)
        }
        return (error, server, knownHostsPath)
    }

    @Test("an empty known_hosts: the host is unknown and the error says how to add it")
    func unknownHost() throws {
        let (error, server, path) = try cloneError { _ in [] }
        defer { server.stop() }

        #expect(
            error?.message == "[127.0.0.1]:\(server.port) has no ssh-ed25519 host key in \(path): add it "
                + "(ssh-keyscan -t ssh-ed25519 -p \(server.port) 127.0.0.1 >> \(path)) after checking its fingerprint"
        )
        #expect(error?.code == .certificate)
        #expect(!server.log.contains("Accepted publickey"), "the key must not be offered to an untrusted server")
    }

    @Test("another key for the host: the error says the key changed")
    func changedHostKey() throws {
        let other = try TemporaryDirectory()
        defer { other.remove() }
        let impostor = try SSHKeyPair(in: other, name: "other_host_key")
        let (error, server, _) = try cloneError { server in ["[127.0.0.1]:\(server.port) \(impostor.publicKey)"] }
        defer { server.stop() }

        #expect(
            error?.message.hasPrefix("the ssh-ed25519 host key of [127.0.0.1]:\(server.port) does not match") == true,
            "\(String(describing: error))"
        )
        #expect(error?.message.hasSuffix("the key was changed or someone is intercepting the connection") == true)
        #expect(error?.code == .certificate)
        #expect(!server.log.contains("Accepted publickey"))
    }

    @Test("the server's key listed for another port only: unknown, not trusted")
    func keyForAnotherPort() throws {
        let (error, server, _) = try cloneError { server in ["127.0.0.1 \(server.hostKey.publicKey)"] }
        defer { server.stop() }

        #expect(
            error?.message.hasPrefix("[127.0.0.1]:\(server.port) has no ssh-ed25519 host key") == true,
            "\(String(describing: error))"
        )
    }
}
