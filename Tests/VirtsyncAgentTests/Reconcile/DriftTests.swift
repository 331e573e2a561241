import Libvirt
import Testing
import VirtsyncAgent
import VirtsyncHost
import VirtsyncManifest
import VirtsyncReport

@Suite("the agent tells drift from intentional change")
struct DriftTests {
    @Test("a new revision is applied, and a hand edit afterwards is drift that enforce mode repairs")
    func handEditIsDriftAndRepaired() async throws {
        let fixture = try ReconcilerFixture()
        try fixture.commit(["vm.yaml": fixture.domain("vm")])
        let first = await fixture.reconciler.reconcile(.start)
        #expect(first.result == .applied)
        #expect(fixture.reporter.kinds().contains(.applied))
        #expect(!fixture.reporter.kinds().contains(.drift))

        let domain = try #require(try fixture.session.connection.lookupDomain(name: fixture.name("vm")))
        try domain.destroy()
        let repaired = await fixture.reconciler.reconcile(.event)
        #expect(repaired.result == .applied)
        #expect(fixture.reporter.kinds().contains(.drift))
        #expect(fixture.reporter.kinds().contains(.driftRepaired))
        #expect(try domain.isActive())
        let statuses = await fixture.reconciler.status.objects
        #expect(statuses.allSatisfy { $0.state == .inSync })
    }

    @Test("in report mode drift is reported once and not repaired")
    func reportModeOnlyTells() async throws {
        let fixture = try ReconcilerFixture(mode: .report)
        try fixture.commit(["vm.yaml": fixture.domain("vm")])
        await fixture.reconciler.reconcile(.start)
        let domain = try #require(try fixture.session.connection.lookupDomain(name: fixture.name("vm")))
        try domain.destroy()
        let first = await fixture.reconciler.reconcile(.event)
        let second = await fixture.reconciler.reconcile(.interval)
        #expect(first.result == .drifted)
        #expect(second.result == .drifted)
        #expect(fixture.reporter.kinds().filter { $0 == .drift }.count == 1)
        #expect(!fixture.reporter.kinds().contains(.driftRepaired))
        #expect(try !domain.isActive())
        let state = await fixture.reconciler.status.objects.first { $0.id.name == fixture.name("vm") }?.state
        #expect(state == .drifted)
    }

    @Test("a changed manifest is an intentional change, applied in report mode too")
    func changedManifestIsApplied() async throws {
        let fixture = try ReconcilerFixture(mode: .report)
        try fixture.commit(["vm.yaml": fixture.domain("vm")])
        await fixture.reconciler.reconcile(.start)
        try fixture.commit(["vm.yaml": fixture.domain("vm", vcpus: 2)])
        let summary = await fixture.reconciler.reconcile(.webhook)
        #expect(summary.result == .applied)
        #expect(!fixture.reporter.kinds().contains(.drift))
        let xml = try #require(try fixture.session.connection.lookupDomain(name: fixture.name("vm"))).xml(
            inactive: true
        )
        #expect(xml.contains(">2</vcpu>"))
    }

    @Test("after a restart the agent still tells a hand edit from a new revision")
    func driftSurvivesRestart() async throws {
        let fixture = try ReconcilerFixture()
        try fixture.commit(["vm.yaml": fixture.domain("vm")])
        await fixture.reconciler.reconcile(.start)
        let restarted = try fixture.restarted(mode: .report)
        let domain = try #require(try fixture.session.connection.lookupDomain(name: fixture.name("vm")))
        try domain.destroy()
        // The restarted agent has its own test:///default connection: the same in-process driver state.
        let summary = await restarted.reconciler.reconcile(.start)
        #expect(summary.result == .drifted)
        #expect(restarted.reporter.kinds().contains(.drift))
        #expect(try !domain.isActive())
    }
}
