import Foundation
import Git
import TestSupport
import Testing

@Suite("clone and fetch over SSH from a real sshd")
struct SSHCloneTests {
    @Test("with the authorised key and the server's key in known_hosts, a clone and a fetch see the branch")
    func cloneAndFetchOverSSH() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp, name: "work")
        let first = try source.commit("web.yaml", "v1")
        let bare = temp.path("manifests.git")
        try source.bareCopy(at: bare)
        let client = try SSHKeyPair(in: temp, name: "deploy_key")
        let server = try SSHServer(authorizedKey: client)
        defer { server.stop() }
        let options = FetchOptions(
            credentials: .sshKey(
                SSHKey(
                    username: "root",
                    privateKeyPath: client.privateKeyPath,
                    publicKeyPath: client.publicKeyPath,
                    knownHostsPath: try temp.knownHosts(server.knownHostsLine)
                )
            )
        )

        let clone = try GitRepository.clone(url: server.url(bare), to: temp.path("clone"), options: options)
        #expect(clone.head()?.hex == first, "sshd log: \(server.log)")
        #expect(try contents(of: "web.yaml", in: #require(clone.workingDirectory)) == "v1")

        let second = try source.commit("web.yaml", "v2")
        try source.push(to: bare)
        try clone.fetch(options: options)

        #expect(try clone.resolve(ref: "main").hex == second)
    }
}
