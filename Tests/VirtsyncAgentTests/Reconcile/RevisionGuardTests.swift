import Libvirt
import Testing
import VirtsyncAgent
import VirtsyncHost
import VirtsyncReport

@Suite("revisions the agent refuses")
struct RevisionGuardTests {
    @Test("an invalid revision is refused whole and the last good one stays applied")
    func invalidRevisionRefused() async throws {
        let fixture = try ReconcilerFixture()
        try fixture.commit(["vm.yaml": fixture.domain("vm")])
        await fixture.reconciler.reconcile(.start)
        try fixture.commit(["vm.yaml": fixture.domain("vm", memory: "lots"), "other.yaml": fixture.domain("other")])
        let summary = await fixture.reconciler.reconcile(.webhook)
        #expect(fixture.reporter.kinds().contains(.revisionRefused))
        // The last good revision is still reconciled, but the pass does not call itself a success.
        #expect(summary.result == .refused)
        #expect(try fixture.session.connection.lookupDomain(name: fixture.name("other")) == nil)
        let refusals = await fixture.reconciler.status.lastError ?? ""
        #expect(refusals.contains("vm.yaml"))
    }

    @Test("a revision with no manifests is refused")
    func emptyRevisionRefused() async throws {
        let fixture = try ReconcilerFixture(prune: true)
        try fixture.commit(["vm.yaml": fixture.domain("vm")])
        await fixture.reconciler.reconcile(.start)
        try fixture.commit([:])
        await fixture.reconciler.reconcile(.webhook)
        #expect(fixture.reporter.kinds().contains(.revisionRefused))
        #expect(try fixture.session.connection.lookupDomain(name: fixture.name("vm")) != nil)
    }

    @Test("a revision that would destroy more than maxDestroyShare of the managed objects is refused")
    func massDestroyRefused() async throws {
        let fixture = try ReconcilerFixture(prune: true, maxDestroyShare: 0.5)
        let names = ["a", "b", "c", "d"]
        try fixture.commit(Dictionary(uniqueKeysWithValues: names.map { ("\($0).yaml", fixture.domain($0)) }))
        await fixture.reconciler.reconcile(.start)
        try fixture.commit(["a.yaml": fixture.domain("a")])
        let summary = await fixture.reconciler.reconcile(.webhook)
        #expect(summary.result == .refused)
        for name in names { #expect(try fixture.session.connection.lookupDomain(name: fixture.name(name)) != nil) }
    }
}
