import Foundation
import Git
import TestSupport
import Testing

@Suite("resolving revisions")
struct ResolveTests {
    @Test("full and abbreviated commit ids resolve to the commit")
    func commitIDs() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp)
        let first = try source.commit("a.yaml", "a")
        try source.commit("a.yaml", "b")
        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))

        #expect(try clone.resolve(ref: first).hex == first)
        #expect(try clone.resolve(ref: String(first.prefix(8))).hex == first)
        #expect(try clone.resolve(ref: first.uppercased()).hex == first)
    }

    @Test("a name that is no branch, tag or commit throws a not-found error naming what was tried")
    func unknownRef() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp)
        try source.commit("a.yaml", "a")
        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))

        let error = #expect(throws: GitError.self) { try clone.resolve(ref: "nope") }

        #expect(error?.isNotFound == true)
        #expect(
            error?.message
                == "no branch, tag or commit named 'nope' (looked for refs/remotes/origin/nope, refs/tags/nope)"
        )
    }

    @Test("object ids accept 40 hex digits only and print lowercase")
    func objectIDParsing() throws {
        let hex = String(repeating: "AB", count: 20)
        #expect(ObjectID(hex: hex)?.description == hex.lowercased())
        #expect(ObjectID(hex: "abc") == nil)
        #expect(ObjectID(hex: String(repeating: "g", count: 40)) == nil)
        #expect(ObjectID(hex: hex)?.short == "ababab" + "a")
    }
}
