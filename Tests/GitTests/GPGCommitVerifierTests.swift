import Foundation
import Git
import TestSupport
import Testing
import VirtsyncGitSource
import VirtsyncSource

@Suite("gpg-signed commits")
struct GPGCommitVerifierTests {
    @Test("gpgv accepts a commit signed by a key of the keyring and refuses one signed by another key")
    func keyringDecides() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let alice = try GPGSigner(in: temp, name: "alice")
        defer { alice.stop() }
        let mallory = try GPGSigner(in: temp, name: "mallory")
        defer { mallory.stop() }
        let source = try SourceRepository(in: temp)
        let byAlice = try #require(ObjectID(hex: source.commit("a.yaml", "a", signedWith: alice)))
        let byMallory = try #require(ObjectID(hex: source.commit("a.yaml", "b", signedWith: mallory)))
        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))
        let verifier = CommitVerifier(gpgKeyring: try alice.exportKeyring(to: temp.path("trusted.gpg")))

        try verifier.verify(repository: clone, commit: byAlice)
        let error = #expect(throws: SignatureError.self) { try verifier.verify(repository: clone, commit: byMallory) }
        guard case .rejected(let tool, _) = error?.reason else {
            Issue.record("expected a rejection, got \(String(describing: error))")
            return
        }
        #expect(tool == "gpgv")
    }

    @Test("a gpg-signed commit is refused when only an allowed_signers file is configured")
    func gpgWithoutKeyringIsRefused() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let alice = try GPGSigner(in: temp, name: "alice")
        defer { alice.stop() }
        let source = try SourceRepository(in: temp)
        let byAlice = try #require(ObjectID(hex: source.commit("a.yaml", "a", signedWith: alice)))
        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))
        let verifier = CommitVerifier(allowedSigners: temp.path("allowed_signers"))

        let error = #expect(throws: SignatureError.self) { try verifier.verify(repository: clone, commit: byAlice) }
        #expect(error?.reason == .notConfigured(format: "GPG"))
    }
}
