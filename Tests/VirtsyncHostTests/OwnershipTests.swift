import Libvirt
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// Objects virtsync did not create are never touched, even by prune; a name clash is refused unless adopted.
@Suite("ownership of libvirt objects")
struct OwnershipTests {
    static let kinds = ["domain", "network", "pool"]

    private func defineUnmanaged(_ kind: String, _ base: String, on host: DriverHost) throws {
        switch kind {
        case "domain": try host.defineUnmanagedDomain(base)
        case "network": try host.defineUnmanagedNetwork(base)
        default: try host.defineUnmanagedPool(base)
        }
    }

    /// A manifest for the same name as the unmanaged object, differing from it.
    private func manifest(_ kind: String, _ base: String, on host: DriverHost) -> String {
        switch kind {
        case "domain":
            host.domainYAML(
                base,
                state: "shutoff",
                disks: "      - target: vda\n        path: \(host.path("a.qcow2"))\n"
            )
        case "network": host.networkYAML(base, subnet: 40)
        default: host.poolYAML(base, extra: "    permissions: {mode: \"0700\"}")
        }
    }

    @Test("unmanaged domains, networks and pools are untouched by apply and by prune")
    func untouched() throws {
        let host = try DriverHost()
        for kind in Self.kinds { try defineUnmanaged(kind, "hand-\(kind)", on: host) }
        let before = try Self.kinds.map { try host.xml($0, "hand-\($0)") }
        let managed = host.manifests(host.stack(host.domainYAML()))
        let applied = try host.applyCleanly(managed, prune: true)
        let pruned = try host.apply([], prune: true)
        for planned in [applied, pruned.planned] {
            #expect(!planned.plan.steps.contains { $0.id.name.contains("hand-") }, "\(planned.plan.steps.map(\.id))")
        }
        #expect(pruned.report.succeeded, "\(pruned.report.failures)")
        #expect(try Self.kinds.map { try host.xml($0, "hand-\($0)") } == before)
    }

    @Test(
        "a manifest whose name an unmanaged object holds is refused and the object stays byte for byte",
        arguments: kinds
    )
    func clash(kind: String) throws {
        let host = try DriverHost()
        try defineUnmanaged(kind, "clash", on: host)
        let before = try #require(try host.xml(kind, "clash"))
        let mutations = host.mutations
        let (planned, report) = try host.apply(host.manifests(manifest(kind, "clash", on: host)))
        let step = try #require(planned.plan.steps.first)
        #expect(step.change == .refused)
        #expect(
            step.notes.contains { $0.contains("not managed by virtsync") && $0.contains("--adopt") },
            "\(step.notes)"
        )
        #expect(report.outcomes.isEmpty)
        #expect(host.mutations == mutations)
        #expect(try host.xml(kind, "clash") == before)
        #expect(try host.plan([], prune: true).plan.steps.isEmpty, "never recorded as managed")
    }

    @Test("with adopt, an unmanaged object whose name a manifest uses becomes managed", arguments: kinds)
    func adopt(kind: String) throws {
        let host = try DriverHost()
        try defineUnmanaged(kind, "adopted", on: host)
        let manifests = host.manifests(manifest(kind, "adopted", on: host))
        let (planned, report) = try host.apply(manifests, adopt: true)
        let step = try #require(planned.plan.steps.first)
        #expect(step.change != .refused && step.change != .replace, "\(step)")
        #expect(step.notes.contains { $0.contains("adopted") }, "\(step.notes)")
        #expect(report.succeeded, "\(report.failures)")
        let after = try host.plan(manifests)
        #expect(after.plan.refused.isEmpty, "\(after.plan.refused)")
        #expect(after.inventory.contains(step.id))
        #expect(
            try host.plan([], prune: true).plan.steps.map(\.change) == [.destroy],
            "managed now, so prune removes it"
        )
    }
}
