import Foundation
import Git
import TestSupport
import Testing
import VirtsyncGitSource
import VirtsyncSource

@Suite("preview refs fetched into a bare repository of their own")
struct PreviewSourceTests {
    @Test(
        "pull-request refs are listed with their commits, exported without touching the clone, and dropped once deleted"
    )
    func pullRequestRefs() async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp)
        try source.commit("vm.yaml", "memory: 1GiB")
        try source.git("checkout", "-q", "-b", "feature")
        try source.git("rm", "-q", "vm.yaml")
        let pull = try source.commit("web.yaml", "memory: 2GiB")
        try source.git("update-ref", "refs/pull/1/head", pull)
        try source.git("update-ref", "refs/pull/12/head", pull)
        try source.git("update-ref", "refs/heads/preview/x", pull)
        try source.git("checkout", "-q", "main")
        let daemon = try GitDaemon(basePath: temp.url)
        defer { daemon.stop() }

        let previews = GitPreviewSource(
            url: daemon.url("source"),
            globs: ["refs/pull/*/head", "refs/heads/preview/*"],
            cacheDirectory: temp.path("cache")
        )
        #expect(
            try await previews.refs() == [
                "refs/pull/1/head": pull, "refs/pull/12/head": pull, "refs/heads/preview/x": pull,
            ]
        )

        let snapshot = try await previews.snapshot(ref: "refs/pull/1/head", revision: pull)
        #expect(snapshot.revision == pull)
        #expect(try contents(of: "web.yaml", in: snapshot.directory) == "memory: 2GiB")
        #expect(!FileManager.default.fileExists(atPath: snapshot.directory + "/vm.yaml"))

        try source.git("update-ref", "-d", "refs/pull/12/head")
        let moved = try source.commit("vm.yaml", "memory: 4GiB")
        try source.git("update-ref", "refs/pull/1/head", moved)
        #expect(try await previews.refs() == ["refs/pull/1/head": moved, "refs/heads/preview/x": pull])
        let again = try await previews.snapshot(ref: "refs/pull/1/head", revision: moved)
        #expect(try contents(of: "vm.yaml", in: again.directory) == "memory: 4GiB")
        #expect(!FileManager.default.fileExists(atPath: again.directory + "/web.yaml"))
    }
}
