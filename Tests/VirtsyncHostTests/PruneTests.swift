import Libvirt
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// A manifest that leaves git: kept and listed without `--prune`, removed with it; volumes by their policy.
@Suite("pruning objects whose manifests left")
struct PruneTests {
    private func everything(_ host: DriverHost) -> String {
        host.stack(
            host.domainYAML(interfaces: "    interfaces:\n      - network: \(host.name("net"))\n"),
            volumes: [host.networkYAML(subnet: 30)]
        )
    }

    @Test("without prune, removed manifests are listed as left git and nothing on the host changes")
    func withoutPrune() throws {
        let host = try DriverHost()
        try host.applyCleanly(host.manifests(everything(host)))
        let remaining = host.manifests(host.poolYAML() + "\n---\n" + host.volumeYAML())
        let before = host.mutations
        let (planned, report) = try host.apply(remaining)
        #expect(Set(planned.plan.leftGit) == [host.domainID(), host.networkID()])
        #expect(planned.plan.steps.isEmpty, "\(planned.plan.steps)")
        #expect(report.outcomes.isEmpty)
        #expect(host.mutations == before)
        #expect(try host.connection.lookupDomain(name: host.name("vm"))?.isActive() == true)
        #expect(try host.connection.lookupNetwork(name: host.name("net")) != nil)
        #expect(try host.plan(remaining).plan.leftGit.count == 2, "still listed: the inventory keeps them")
    }

    @Test("with prune, a removed domain, network and pool are destroyed and a Retain volume is only released")
    func withPrune() throws {
        let host = try DriverHost()
        try host.applyCleanly(host.manifests(everything(host)))
        let (planned, report) = try host.apply([], prune: true)
        let changes = Dictionary(uniqueKeysWithValues: planned.plan.steps.map { ($0.id, $0.change) })
        #expect(
            changes == [
                host.domainID(): .destroy, host.networkID(): .destroy, host.poolID(): .destroy,
                host.volumeID(): .release,
            ]
        )
        #expect(
            planned.plan.steps.map(\.id.kind) == [.domain, .network, .volume, .storagePool],
            "removals in reverse order"
        )
        #expect(report.succeeded, "\(report.failures)")
        #expect(try host.connection.lookupDomain(name: host.name("vm")) == nil)
        #expect(try host.connection.lookupNetwork(name: host.name("net")) == nil)
        #expect(try host.connection.lookupStoragePool(name: host.name("pool")) == nil)
        let after = try host.plan([], prune: true)
        #expect(after.plan.steps.isEmpty && after.inventory.entries.isEmpty, "\(after.plan.steps) \(after.inventory)")
    }

    @Test("a removed volume with deletionPolicy Retain stays on the host and one with Delete is deleted")
    func volumePolicies() throws {
        let host = try DriverHost()
        let kept = host.volumeYAML("kept.qcow2", spec: "  deletionPolicy: Retain")
        let gone = host.volumeYAML("gone.qcow2", spec: "  deletionPolicy: Delete")
        try host.applyCleanly(host.manifests([host.poolYAML(), kept, gone].joined(separator: "\n---\n")))
        let (planned, report) = try host.apply(host.manifests(host.poolYAML()), prune: true)
        #expect(host.step(planned, host.volumeID("kept.qcow2"))?.change == .release)
        #expect(host.step(planned, host.volumeID("gone.qcow2"))?.change == .destroy)
        #expect(host.step(planned, host.volumeID("gone.qcow2"))?.operations == [.deleteVolume])
        #expect(report.succeeded, "\(report.failures)")
        let pool = try #require(try host.connection.lookupStoragePool(name: host.name("pool")))
        #expect(try pool.lookupVolume(name: host.name("kept.qcow2")) != nil)
        #expect(try pool.lookupVolume(name: host.name("gone.qcow2")) == nil)
        let after = try host.plan(host.manifests(host.poolYAML()), prune: true)
        #expect(after.plan.steps.isEmpty, "released means forgotten: \(after.plan.steps)")
    }
}
