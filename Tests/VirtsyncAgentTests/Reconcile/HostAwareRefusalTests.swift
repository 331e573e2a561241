import Libvirt
import Testing
import VirtsyncAgent
import VirtsyncHost
import VirtsyncReport

@Suite("a revision the host cannot satisfy is refused like a syntax error")
struct HostAwareRefusalTests {
    /// A running domain whose interface uses `network`, which no manifest declares.
    func domain(_ fixture: ReconcilerFixture, _ suffix: String, network: String) -> String {
        fixture.domain(suffix) + """

              devices:
                interfaces:
                  - network: \(network)
            """
    }

    @Test("a first revision naming a network neither git nor the host has: refused, nothing claimed")
    func firstRevisionRefused() async throws {
        let fixture = try ReconcilerFixture()
        let missing = fixture.name("nowhere")
        try fixture.commit(["vm.yaml": domain(fixture, "vm", network: missing)])
        let summary = await fixture.reconciler.reconcile(.start)
        #expect(summary.result == .refused)
        let reasons = fixture.reporter.events.compactMap { event -> String? in
            if case .revisionRefused(_, let reason) = event { reason } else { nil }
        }
        #expect(reasons.count == 1)
        #expect(
            reasons.first?.contains("vm.yaml:12:9: error: spec.devices.interfaces[0].network: network '\(missing)'")
                == true,
            "\(reasons)"
        )
        let status = await fixture.reconciler.status
        #expect(status.lastAppliedRevision == nil)
        #expect(status.lastSuccessAt == nil)
        #expect(status.objects.isEmpty)
        #expect(try fixture.session.connection.lookupDomain(name: fixture.name("vm")) == nil)
    }

    @Test("a newer revision with a dangling reference keeps the last good one applied, reported once")
    func lastGoodKept() async throws {
        let fixture = try ReconcilerFixture()
        try fixture.commit(["vm.yaml": fixture.domain("vm")])
        let first = await fixture.reconciler.reconcile(.start)
        #expect(first.result == .applied)
        let good = await fixture.reconciler.status.lastAppliedRevision
        try fixture.commit([
            "vm.yaml": fixture.domain("vm"), "other.yaml": domain(fixture, "other", network: fixture.name("nowhere")),
        ])
        let second = await fixture.reconciler.reconcile(.webhook)
        let third = await fixture.reconciler.reconcile(.interval)
        #expect(second.result == .refused && third.result == .refused)
        #expect(fixture.reporter.kinds().filter { $0 == .revisionRefused }.count == 1)
        #expect(await fixture.reconciler.status.lastAppliedRevision == good)
        #expect(try fixture.session.connection.lookupDomain(name: fixture.name("other")) == nil)
        #expect(try fixture.session.connection.lookupDomain(name: fixture.name("vm")) != nil)
    }

    @Test("once the host has the network, the refused revision is applied without a new commit")
    func hostGainsReference() async throws {
        let fixture = try ReconcilerFixture()
        let network = fixture.name("net")
        try fixture.commit(["vm.yaml": domain(fixture, "vm", network: network)])
        #expect(await fixture.reconciler.reconcile(.start).result == .refused)
        try fixture.session.connection.defineNetwork(xml: "<network><name>\(network)</name></network>").start()
        let summary = await fixture.reconciler.reconcile(.interval)
        #expect(summary.result == .applied, "\(summary)")
        #expect(await fixture.reconciler.status.lastAppliedRevision != nil)
        #expect(try fixture.session.connection.lookupDomain(name: fixture.name("vm")) != nil)
    }
}
