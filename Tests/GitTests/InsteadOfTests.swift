import Foundation
import Git
import TestSupport
import Testing

/// `fetch` applies the user's `url.*.insteadOf` rewrites once per configured URL and then fetches through
/// an in-memory remote (libgit2 1.5 leaks on every insteadOf lookup): the rewrite still holds on every
/// fetch, and a remote whose URL changes is looked up again.
@Suite("url.insteadOf on fetch")
struct InsteadOfTests {
    @Test("a rewritten URL is fetched from on every fetch; a changed remote URL is followed")
    func rewriteHolds() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp)
        try source.commit("a.yaml", "a")
        let mirror = try SourceRepository(in: temp, name: "mirror")
        try mirror.git("pull", "-q", source.url.path, "main")
        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))
        let cloneDirectory = URL(fileURLWithPath: temp.path("clone"))
        try Shell.run(["git", "config", "url.\(mirror.fileURL).insteadOf", source.fileURL], in: cloneDirectory)

        let first = try mirror.commit("b.yaml", "only in the mirror")
        try clone.fetch()
        #expect(try clone.resolve(ref: "refs/remotes/origin/main").hex == first)
        let second = try mirror.commit("c.yaml", "again only in the mirror")
        try clone.fetch()
        #expect(try clone.resolve(ref: "refs/remotes/origin/main").hex == second)

        let other = try SourceRepository(in: temp, name: "other")
        let moved = try other.commit("d.yaml", "elsewhere")
        try Shell.run(["git", "remote", "set-url", "origin", other.fileURL], in: cloneDirectory)
        try clone.fetch()
        #expect(try clone.resolve(ref: "refs/remotes/origin/main").hex == moved)
    }
}
