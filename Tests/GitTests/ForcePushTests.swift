import Foundation
import Git
import TestSupport
import Testing

@Suite("force-push")
struct ForcePushTests {
    @Test("after a force-push the fetched id does not descend from the old one")
    func rewrittenHistoryIsDetected() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp)
        let base = try source.commit("a.yaml", "base")
        try source.commit("a.yaml", "will be dropped")
        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))
        let old = try clone.resolve(ref: "main")
        try source.git("reset", "-q", "--hard", base)
        let rewritten = try source.commit("a.yaml", "rewritten")

        try clone.fetch()
        let new = try clone.resolve(ref: "main")

        #expect(new.hex == rewritten)
        #expect(try !clone.isAncestor(old, of: new))
        #expect(try clone.isAncestor(#require(ObjectID(hex: base)), of: new))
        #expect(try clone.isAncestor(new, of: new))
    }
}
