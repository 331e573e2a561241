import Foundation
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// `virtsync.io/suspend: "true"`: a drifted object is reported, never changed.
@Suite("suspended objects")
struct SuspendTests {
    @Test("a drifted suspended domain is reported with its fields but not changed")
    func suspendedDomain() throws {
        let host = try DriverHost()
        try host.applyCleanly(host.manifests(host.stack(host.domainYAML(vcpus: 2, state: "shutoff"))))
        let before = try host.domainXML("vm")
        let suspended = host.manifests(
            host.stack(
                host.domainYAML(
                    vcpus: 4,
                    state: "running",
                    metadata: "  annotations: {virtsync.io/suspend: \"true\"}"
                )
            )
        )
        let mutations = host.mutations
        let (planned, report) = try host.apply(suspended)
        let step = try #require(host.step(planned, host.domainID()))
        #expect(step.suspended)
        #expect(step.fields.contains(FieldChange(path: "vcpu", want: "4", have: "2")), "\(step.fields)")
        #expect(step.fields.contains(FieldChange(path: "state", want: "running", have: "shutoff")), "\(step.fields)")
        #expect(planned.plan.pending.isEmpty)
        #expect(report.outcomes.isEmpty)
        #expect(host.mutations == mutations)
        #expect(try host.domainXML("vm") == before)
    }

    @Test("a suspended network that should be started is reported and left stopped")
    func suspendedOthers() throws {
        let host = try DriverHost()
        let annotation = "  annotations: {virtsync.io/suspend: \"true\"}"
        try host.applyCleanly(
            host.manifests(host.poolYAML() + "\n---\n" + host.networkYAML(subnet: 60, spec: "  active: false"))
        )
        let network = host.networkYAML(subnet: 61, spec: "  active: true")
            .replacingOccurrences(
                of: "  name: \(host.name("net"))\n",
                with: "  name: \(host.name("net"))\n\(annotation)\n"
            )
        let mutations = host.mutations
        let (planned, report) = try host.apply(host.manifests(host.poolYAML() + "\n---\n" + network))
        let step = try #require(host.step(planned, host.networkID()))
        #expect(step.suspended && !step.fields.isEmpty)
        #expect(report.outcomes.isEmpty)
        #expect(host.mutations == mutations)
    }
}
