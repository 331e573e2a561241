import Foundation
import Git
import TestSupport
import Testing
import VirtsyncGitSource
import VirtsyncSource

@Suite("a verified source")
struct SignedSourceTests {
    @Test("an unsigned revision is refused by update() and the work tree stays at the last good revision")
    func keepsLastGoodRevision() async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let alice = try SSHSigner(in: temp, name: "alice")
        let source = try SourceRepository(in: temp)
        let good = try source.commit("a.yaml", "good", signedWith: alice)
        let allowedSigners = try SSHSigner.allowedSigners(
            [("alice@example.invalid", alice)],
            at: temp.path("allowed_signers")
        )
        let gitSource = GitSource(
            url: source.fileURL,
            ref: "main",
            cacheDirectory: temp.path("cache"),
            verifier: CommitVerifier(allowedSigners: allowedSigners)
        )

        let first = try await gitSource.update()
        #expect(first.revision == good)

        let unsigned = try #require(ObjectID(hex: source.commit("a.yaml", "unsigned")))
        await #expect(throws: SignatureError(commit: unsigned, reason: .unsigned)) {
            try await gitSource.update()
        }
        #expect(try contents(of: "a.yaml", in: first.directory) == "good")

        let next = try source.commit("a.yaml", "signed again", signedWith: alice)
        let second = try await gitSource.update()
        #expect(second.revision == next)
        #expect(second.previous == good)
        #expect(try contents(of: "a.yaml", in: second.directory) == "signed again")
    }

    @Test("a clone already checked out at an unsigned revision is not trusted once verification is on")
    func existingCloneIsChecked() async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let alice = try SSHSigner(in: temp, name: "alice")
        let source = try SourceRepository(in: temp)
        let unsigned = try #require(ObjectID(hex: source.commit("a.yaml", "unsigned")))
        let allowedSigners = try SSHSigner.allowedSigners(
            [("alice@example.invalid", alice)],
            at: temp.path("allowed_signers")
        )
        _ = try await GitSource(url: source.fileURL, ref: "main", cacheDirectory: temp.path("cache")).update()

        let verified = GitSource(
            url: source.fileURL,
            ref: "main",
            cacheDirectory: temp.path("cache"),
            verifier: CommitVerifier(allowedSigners: allowedSigners)
        )
        await #expect(throws: SignatureError(commit: unsigned, reason: .unsigned)) {
            try await verified.update()
        }
    }
}
