import Foundation
import Git
import TestSupport
import Testing

@Suite("a real sshd refuses a client key it does not know")
struct SSHClientKeyTests {
    @Test("a key that is not in authorized_keys fails the clone with the rejection")
    func wrongClientKey() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp, name: "work")
        try source.commit("web.yaml", "v1")
        let bare = temp.path("manifests.git")
        try source.bareCopy(at: bare)
        let authorised = try SSHKeyPair(in: temp, name: "authorised_key")
        let stranger = try SSHKeyPair(in: temp, name: "stranger_key")
        let server = try SSHServer(authorizedKey: authorised)
        defer { server.stop() }
        let options = FetchOptions(
            credentials: .sshKey(
                SSHKey(
                    username: "root",
                    privateKeyPath: stranger.privateKeyPath,
                    publicKeyPath: stranger.publicKeyPath,
                    knownHostsPath: try temp.knownHosts(server.knownHostsLine)
                )
            )
        )

        let error = #expect(throws: GitError.self) {
            try GitRepository.clone(url: server.url(bare), to: temp.path("clone"), options: options)
        }

        // libssh2 refused the key; libgit2 asks again, and the module refuses to repeat a rejected credential.
        #expect(error?.message == "the server rejected the credentials for \(server.url(bare))", "\(server.log)")
        #expect(error?.code == .authentication)
        #expect(!server.log.contains("Accepted publickey"))
        #expect(!FileManager.default.fileExists(atPath: temp.path("clone/web.yaml")))
    }
}
