import Foundation
import Git
import TestSupport
import Testing
import VirtsyncGitSource
import VirtsyncSource

@Suite("ssh-signed commits")
struct SSHCommitVerifierTests {
    /// A clone of a repository whose commits are: unsigned, signed by alice (trusted), signed by mallory (not).
    struct Fixture {
        let temp: TemporaryDirectory
        let clone: GitRepository
        let unsigned: ObjectID
        let byAlice: ObjectID
        let byMallory: ObjectID
        let allowedSigners: String

        init() throws {
            temp = try TemporaryDirectory()
            let alice = try SSHSigner(in: temp, name: "alice")
            let mallory = try SSHSigner(in: temp, name: "mallory")
            let source = try SourceRepository(in: temp)
            unsigned = try #require(ObjectID(hex: source.commit("a.yaml", "a")))
            byAlice = try #require(ObjectID(hex: source.commit("a.yaml", "b", signedWith: alice)))
            byMallory = try #require(ObjectID(hex: source.commit("a.yaml", "c", signedWith: mallory)))
            allowedSigners = try SSHSigner.allowedSigners(
                [("alice@example.invalid", alice)],
                at: temp.path("allowed_signers")
            )
            clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))
        }
    }

    @Test("a commit signed by a key of the allowed_signers file passes")
    func trustedKeyPasses() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        let verifier = CommitVerifier(allowedSigners: fixture.allowedSigners)

        try verifier.verify(repository: fixture.clone, commit: fixture.byAlice)
    }

    @Test("an unsigned commit is refused, naming the commit")
    func unsignedIsRefused() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        let verifier = CommitVerifier(allowedSigners: fixture.allowedSigners)

        let error = #expect(throws: SignatureError.self) {
            try verifier.verify(repository: fixture.clone, commit: fixture.unsigned)
        }
        #expect(error?.reason == .unsigned)
        #expect(error?.description.contains(fixture.unsigned.hex) == true)
    }

    @Test("a commit signed by a key the allowed_signers file does not hold is refused by ssh-keygen")
    func otherKeyIsRefused() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        let verifier = CommitVerifier(allowedSigners: fixture.allowedSigners)

        let error = #expect(throws: SignatureError.self) {
            try verifier.verify(repository: fixture.clone, commit: fixture.byMallory)
        }
        guard case .rejected(let tool, _) = error?.reason else {
            Issue.record("expected a rejection, got \(String(describing: error))")
            return
        }
        #expect(tool == "ssh-keygen")
        #expect(error?.commit == fixture.byMallory)
    }

    @Test("an ssh-signed commit is refused when only a GPG keyring is configured")
    func sshWithoutAllowedSignersIsRefused() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        let verifier = CommitVerifier(gpgKeyring: fixture.temp.path("no-such-keyring"))

        let error = #expect(throws: SignatureError.self) {
            try verifier.verify(repository: fixture.clone, commit: fixture.byAlice)
        }
        #expect(error?.reason == .notConfigured(format: "SSH"))
    }

    @Test("a missing ssh-keygen is reported as a failed check, not as a pass")
    func missingToolFails() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        let verifier = CommitVerifier(
            allowedSigners: fixture.allowedSigners,
            sshKeygenPath: fixture.temp.path("no-ssh-keygen")
        )

        let error = #expect(throws: SignatureError.self) {
            try verifier.verify(repository: fixture.clone, commit: fixture.byAlice)
        }
        guard case .failed(let message) = error?.reason else {
            Issue.record("expected a failed check, got \(String(describing: error))")
            return
        }
        #expect(message.contains("no-ssh-keygen"))
    }
}
