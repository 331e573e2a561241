import Foundation
import Libvirt
import Testing
import VirtsyncGitSource
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncReport

@testable import VirtsyncAgent

@Suite("the agent previews pull-request refs without applying them")
struct PreviewRunnerTests {
    @Test("a pull request's ref is planned against the live host, held back by minInterval, and dropped once deleted")
    func previewLifecycle() async throws {
        let fixture = try ReconcilerFixture()
        try fixture.commit(["a.yaml": fixture.domain("a"), "b.yaml": fixture.domain("b")])
        let applied = await fixture.reconciler.reconcile(.start)
        let base = try #require(applied.revision)
        let pull = try fixture.pullRequest(
            1,
            ["a.yaml": fixture.domain("a", memory: "256MiB"), "c.yaml": fixture.domain("c")]
        )
        let runner = fixture.previewRunner(minInterval: .seconds(60))

        #expect(await runner.pass(base: base) == nil)
        let preview = try #require(runner.report().previews.first)
        #expect(preview.ref == "refs/pull/1/head")
        #expect(preview.revision == pull)
        #expect(preview.base == base)
        #expect(preview.error == nil)
        let classes = Dictionary(uniqueKeysWithValues: preview.steps.map { ($0.object.name, $0.change) })
        #expect(classes == [fixture.name("a"): .pendingRestart, fixture.name("c"): .create])
        #expect(preview.steps.first { $0.change == .pendingRestart }?.fields.map(\.path).contains("memory") == true)
        #expect(fixture.reporter.kinds().contains(.previewPlanned))
        // Nothing was applied: the host is as main left it.
        #expect(try fixture.session.connection.lookupDomain(name: fixture.name("c")) == nil)
        #expect(await fixture.reconciler.reconcile(.interval).result == .inSync)

        // Moved again at once: held back until minInterval has passed since the last plan.
        let moved = try fixture.pullRequest(
            1,
            ["a.yaml": fixture.domain("a"), "b.yaml": fixture.domain("b", vcpus: 2)]
        )
        let due = try #require(await runner.pass(base: base))
        #expect(due > .seconds(50) && due <= .seconds(60))
        #expect(runner.report().previews.first?.revision == pull)
        #expect(moved != pull)

        try ReconcilerFixture.git(["update-ref", "-d", "refs/pull/1/head"], in: fixture.repository)
        _ = await runner.pass(base: base)
        #expect(runner.report().previews.isEmpty)
        #expect(fixture.reporter.kinds().contains(.previewDropped))
    }

    @Test("a pull request with an invalid manifest is shown as refused, with the reason")
    func refusedRevision() async throws {
        let fixture = try ReconcilerFixture()
        try fixture.commit(["a.yaml": fixture.domain("a")])
        let base = await fixture.reconciler.reconcile(.start).revision
        try fixture.pullRequest(2, ["a.yaml": fixture.domain("a", memory: "lots")])
        let runner = fixture.previewRunner()
        _ = await runner.pass(base: base)
        let preview = try #require(runner.report().previews.first)
        #expect(preview.steps.isEmpty)
        #expect(preview.error?.contains("a.yaml") == true)
    }

    @Test("beyond maxRefs the highest-numbered refs are kept and the rest named as skipped")
    func maxRefs() async throws {
        let fixture = try ReconcilerFixture()
        try fixture.commit(["a.yaml": fixture.domain("a")])
        let base = await fixture.reconciler.reconcile(.start).revision
        for number in [3, 9, 10] { try fixture.pullRequest(number, ["a.yaml": fixture.domain("a", vcpus: 2)]) }
        let runner = fixture.previewRunner(maxRefs: 2)
        _ = await runner.pass(base: base)
        #expect(runner.report().previews.map(\.ref) == ["refs/pull/10/head", "refs/pull/9/head"])
        #expect(runner.report().skipped == ["refs/pull/3/head"])
    }
}

extension ReconcilerFixture {
    /// Commits `files` on a branch of their own and points `refs/pull/NUMBER/head` at it, as a forge does
    /// for a pull request; main stays checked out. Returns the commit id.
    @discardableResult
    func pullRequest(_ number: Int, _ files: [String: String]) throws -> String {
        try Self.git(["checkout", "-q", "-B", "pr\(number)", "main"], in: repository)
        try commit(files)
        try Self.git(["update-ref", "refs/pull/\(number)/head", "HEAD"], in: repository)
        try Self.git(["checkout", "-q", "main"], in: repository)
        return try String(
            contentsOf: repository.appendingPathComponent(".git/refs/pull/\(number)/head"),
            encoding: .utf8
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func previewRunner(maxRefs: Int = 20, minInterval: Duration = .seconds(30)) -> PreviewRunner {
        let state = root.appendingPathComponent("state").path
        return PreviewRunner(
            source: GitPreviewSource(
                url: "file://\(repository.path)",
                globs: ["refs/pull/*/head"],
                cacheDirectory: root.appendingPathComponent("cache").path
            ),
            policy: ReconcilePolicy(selector: HostSelector(hostName: "test")),
            config: PreviewConfig(refs: ["refs/pull/*/head"], maxRefs: maxRefs, minInterval: minInterval),
            reporter: reporter,
            host: "test",
            labels: [:],
            connect: { try SyncSession(uri: "test:///default", stateDirectory: state) }
        )
    }
}
