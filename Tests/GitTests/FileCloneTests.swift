import Foundation
import Git
import TestSupport
import Testing

@Suite("clone through file://")
struct FileCloneTests {
    @Test("a clone checks out the default branch and reads its files")
    func cloneReadsFiles() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp)
        let commit = try source.commit("hosts.yaml", "kind: Network\n")

        let clone = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))

        #expect(clone.head()?.hex == commit)
        #expect(try clone.resolve(ref: "main").hex == commit)
        let workdir = try #require(clone.workingDirectory)
        #expect(try contents(of: "hosts.yaml", in: workdir) == "kind: Network\n")
    }

    @Test("open finds a clone again and sees the same HEAD")
    func openExisting() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp)
        let commit = try source.commit("a.yaml", "a")
        _ = try GitRepository.clone(url: source.fileURL, to: temp.path("clone"))

        let reopened = try GitRepository.open(path: temp.path("clone"))

        #expect(reopened.head()?.hex == commit)
    }

    @Test("opening a directory that is no repository throws libgit2's not-found error")
    func openMissing() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }

        let error = #expect(throws: GitError.self) { try GitRepository.open(path: temp.path("nothing")) }

        #expect(error?.isNotFound == true)
        #expect(error?.operation == "git_repository_open")
        #expect(error?.message.contains("nothing") == true)
    }
}
