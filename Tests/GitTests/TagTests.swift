import Foundation
import Git
import TestSupport
import Testing

@Suite("tags")
struct TagTests {
    @Test("an annotated tag resolves to the commit it tags, a lightweight one too")
    func tagsResolveToCommits() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp)
        let tagged = try source.commit("a.yaml", "a")
        try source.git("tag", "-a", "v1.0", "-m", "release 1.0")
        try source.git("tag", "light")
        let annotatedObject = try source.git("rev-parse", "v1.0")
        try source.commit("a.yaml", "b")

        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))

        #expect(annotatedObject != tagged)
        #expect(try clone.resolve(ref: "v1.0").hex == tagged)
        #expect(try clone.resolve(ref: "light").hex == tagged)
        #expect(try clone.resolve(ref: "refs/tags/v1.0").hex == tagged)
    }

    @Test("a tag created and then moved upstream is seen at its new commit after fetch")
    func movedTagIsUpdated() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp)
        let first = try source.commit("a.yaml", "a")
        try source.git("tag", "prod")
        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))
        #expect(try clone.resolve(ref: "prod").hex == first)
        let second = try source.commit("a.yaml", "b")
        try source.git("tag", "-f", "prod")
        try source.git("tag", "new-tag")

        try clone.fetch()

        #expect(try clone.resolve(ref: "prod").hex == second)
        #expect(try clone.resolve(ref: "new-tag").hex == second)
    }
}
