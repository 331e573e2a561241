import Foundation
import Git
import TestSupport
import Testing

@Suite("a server that is gone")
struct ServerStoppedTests {
    @Test("fetch from a stopped git daemon throws libgit2's error and leaves the checkout alone")
    func fetchFailsCleanly() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp, name: "manifests")
        let commit = try source.commit("web.yaml", "v1")
        let daemon = try GitDaemon(basePath: temp.url)
        let clone = try GitRepository.clone(url: daemon.url("manifests"), to: temp.path("clone"))
        daemon.stop()
        try source.commit("web.yaml", "v2")

        let error = #expect(throws: GitError.self) { try clone.fetch() }

        #expect(error?.operation == "git_remote_fetch")
        #expect(error?.message.contains("127.0.0.1") == true)
        #expect((error?.code.rawValue ?? 0) < 0)
        #expect(clone.head()?.hex == commit)
        #expect(try clone.resolve(ref: "main").hex == commit)
        #expect(try contents(of: "web.yaml", in: #require(clone.workingDirectory)) == "v1")
    }

    @Test("clone of a repository the daemon does not serve throws")
    func cloneOfMissingRepository() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let daemon = try GitDaemon(basePath: temp.url)
        defer { daemon.stop() }

        let error = #expect(throws: GitError.self) {
            try GitRepository.clone(url: daemon.url("absent"), to: temp.path("clone"))
        }

        #expect(error?.operation == "git_clone")
        #expect(error?.message.isEmpty == false)
    }
}
