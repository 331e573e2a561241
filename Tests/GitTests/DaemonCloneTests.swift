import Foundation
import Git
import TestSupport
import Testing

@Suite("clone and fetch through git daemon")
struct DaemonCloneTests {
    @Test("a clone over git:// checks out the served commit")
    func cloneOverGitProtocol() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let served = try TemporaryDirectory()
        defer { served.remove() }
        let source = try SourceRepository(in: served, name: "manifests")
        let commit = try source.commit("web.yaml", "web")
        let daemon = try GitDaemon(basePath: served.url)
        defer { daemon.stop() }

        let clone = try GitRepository.clone(url: daemon.url("manifests"), to: temp.path("clone"))

        #expect(clone.head()?.hex == commit)
        #expect(try contents(of: "web.yaml", in: #require(clone.workingDirectory)) == "web")
    }

    @Test("a fetch over git:// sees a new commit on the branch")
    func fetchOverGitProtocol() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp, name: "manifests")
        try source.commit("web.yaml", "v1")
        let daemon = try GitDaemon(basePath: temp.url)
        defer { daemon.stop() }
        let clone = try GitRepository.clone(url: daemon.url("manifests"), to: temp.path("clone"))
        let second = try source.commit("web.yaml", "v2")

        try clone.fetch()

        #expect(try clone.resolve(ref: "main").hex == second)
    }
}
