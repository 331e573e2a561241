import Foundation
import Git
import TestSupport
import Testing

@Suite("a branch that moves")
struct MovingBranchTests {
    @Test("after a commit upstream, fetch and resolve give the new id and checkout shows its files")
    func fetchSeesNewCommit() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp)
        let first = try source.commit("vm.yaml", "memory: 1GiB")
        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))
        let second = try source.commit("vm.yaml", "memory: 2GiB")

        #expect(try clone.resolve(ref: "main").hex == first)
        try clone.fetch()
        let resolved = try clone.resolve(ref: "main")
        try clone.checkout(resolved)

        #expect(resolved.hex == second)
        #expect(clone.head() == resolved)
        #expect(try contents(of: "vm.yaml", in: #require(clone.workingDirectory)) == "memory: 2GiB")
        #expect(try clone.isAncestor(#require(ObjectID(hex: first)), of: resolved))
    }

    @Test("checkout of an older commit removes files it does not have")
    func checkoutOlderCommit() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp)
        let first = try source.commit("a.yaml", "a")
        try source.commit("b.yaml", "b")
        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))
        let workdir = try #require(clone.workingDirectory)
        try "stray".write(toFile: workdir + "stray.yaml", atomically: true, encoding: .utf8)

        try clone.checkout(#require(ObjectID(hex: first)))

        #expect(clone.head()?.hex == first)
        #expect(FileManager.default.fileExists(atPath: workdir + "a.yaml"))
        #expect(!FileManager.default.fileExists(atPath: workdir + "b.yaml"))
        #expect(!FileManager.default.fileExists(atPath: workdir + "stray.yaml"))
    }

    @Test("a branch deleted upstream stops resolving after fetch")
    func deletedBranchIsPruned() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp)
        try source.commit("a.yaml", "a")
        try source.git("branch", "staging")
        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))
        _ = try clone.resolve(ref: "staging")
        try source.git("branch", "-D", "staging")

        try clone.fetch()

        let error = #expect(throws: GitError.self) { try clone.resolve(ref: "staging") }
        #expect(error?.isNotFound == true)
    }
}
