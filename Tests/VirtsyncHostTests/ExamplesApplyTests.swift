import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// The README's examples applied for real on the test driver: afterwards the host is in sync and a
/// second apply writes nothing.
@Suite("applying the examples")
struct ExamplesApplyTests {
    @Test("the runnable examples apply, then plan in sync, and a second apply makes no libvirt write")
    func runnable() throws {
        let host = try DriverHost()
        let files = try host.examples(
            "runnable",
            names: ["vs-demo-net", "vs-demo-pool", "vs-demo.qcow2", "vs-demo-vm", "vs-demo"],
            bridges: ["vsdemo0"]
        )
        try expectConverges(host, host.manifests(files), count: 4)
    }

    @Test("the seed examples apply with the network default under a prefix, then plan in sync with no second write")
    func seed() throws {
        let host = try DriverHost()
        let names = [
            "default", "bridge-net", "myvm", "tuned-vm", "ubuntu-vm", "tuned-vm.qcow2", "ubuntu-vm.qcow2", "myvm.qcow2",
        ]
        let files = try host.examples("seed", names: names, bridges: ["virbr0", "br0"])
        try expectConverges(host, host.manifests(files), count: 8)
    }

    private func expectConverges(_ host: DriverHost, _ manifests: [Manifest], count: Int) throws {
        try #require(manifests.count == count)
        #expect(
            manifests.allSatisfy { $0.id.name.hasPrefix(host.prefix) && ($0.id.pool?.hasPrefix(host.prefix) ?? true) }
        )
        let (first, report) = try host.apply(manifests)
        #expect(
            first.plan.steps.allSatisfy { $0.change == .create },
            "\(first.plan.steps.map { "\($0.id) \($0.change)" })"
        )
        #expect(report.succeeded, "\(report.failures)")
        let second = try host.plan(manifests)
        #expect(second.plan.isInSync, "\(second.plan.steps.map { "\($0.id) \($0.change) \($0.fields)" })")
        #expect(second.plan.inSync.count == count)
        let before = host.mutations
        let again = try host.session.apply(second)
        #expect(again.outcomes.isEmpty)
        #expect(host.mutations == before)
    }
}
