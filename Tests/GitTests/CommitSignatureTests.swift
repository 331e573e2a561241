import Foundation
import Git
import TestSupport
import Testing

@Suite("commit signatures")
struct CommitSignatureTests {
    @Test("a signed commit yields its signature and the commit without its gpgsig header; an unsigned one yields nil")
    func extractsSignature() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let signer = try SSHSigner(in: temp, name: "alice")
        let source = try SourceRepository(in: temp)
        let unsigned = try source.commit("a.yaml", "a")
        let signed = try #require(ObjectID(hex: source.commit("a.yaml", "b", signedWith: signer)))
        let unsignedID = try #require(ObjectID(hex: unsigned))
        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))

        let extracted = try #require(try clone.commitSignature(signed))
        let signature = String(decoding: extracted.signature, as: UTF8.self)
        let signedData = String(decoding: extracted.signedData, as: UTF8.self)
        #expect(signature.hasPrefix("-----BEGIN SSH SIGNATURE-----"))
        #expect(signedData.hasPrefix("tree "))
        #expect(signedData.contains("parent \(unsigned)"))
        #expect(!signedData.contains("gpgsig"))
        #expect(try clone.commitSignature(unsignedID) == nil)
    }

    @Test("asking for a commit the repository lacks throws rather than answering unsigned")
    func missingCommitThrows() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp)
        try source.commit("a.yaml", "a")
        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))
        let missing = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))

        #expect(throws: GitError.self) { try clone.commitSignature(missing) }
    }
}
