import Foundation
import Libvirt
import LibvirtXML
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// With the verdicts of an earlier plan on file, whatever changed since, by hand on the host or in the
/// manifests, is planned exactly as without them; what did not change is in sync without a comparison.
@Suite("plans with remembered verdicts")
struct VerdictMemoTests {
    /// A pool, a volume and a domain applied, then planned once so that their verdicts are on file.
    static func remembered(state: String = "shutoff") throws -> (DriverHost, [Manifest]) {
        let host = try DriverHost()
        let manifests = host.manifests(host.stack(host.domainYAML(state: state)))
        try host.applyCleanly(manifests)
        #expect(try host.plan(manifests).plan.steps.isEmpty)
        // The pool's and the domain's verdicts (volumes are never memoized): a header, then 64 bytes each.
        let file = try Data(contentsOf: URL(fileURLWithPath: host.session.verdicts.path))
        #expect(file.count == "virtsync verdicts 1\n".utf8.count + 32 + 2 * 64)
        #expect(try host.plan(manifests).plan.steps.isEmpty, "planned again from the remembered verdicts")
        return (host, manifests)
    }

    @Test("memory changed by hand after a remembered plan is drift at memory")
    func handEdit() throws {
        let (host, manifests) = try Self.remembered()
        try host.editDomainByHand("vm") { domain in
            domain.setChild("memory", XElement("memory", ["unit": "KiB"], text: "524288"))
            domain.setChild("currentMemory", XElement("currentMemory", ["unit": "KiB"], text: "524288"))
        }
        let step = try #require(host.step(try host.plan(manifests), host.domainID()))
        #expect(step.fields.first { $0.path == "memory" }?.have == "524288 KiB", "\(step.fields)")
    }

    @Test("a manifest changed after a remembered plan is planned against the unchanged definition")
    func manifestChange() throws {
        let (host, _) = try Self.remembered()
        let changed = host.manifests(host.stack(host.domainYAML(memory: "512MiB", state: "shutoff")))
        let (planned, report) = try host.apply(changed)
        let step = try #require(host.step(planned, host.domainID()))
        // The host's side comes from the definition the memo let the reader leave unparsed until now.
        #expect(step.fields.first { $0.path == "memory" }?.have == "262144 KiB", "\(step.fields)")
        #expect(report.succeeded, "\(report.failures)")
        #expect(try host.plan(changed).plan.steps.isEmpty)
    }

    @Test("a domain stopped by hand after a remembered plan is started again")
    func powerByHand() throws {
        let (host, manifests) = try Self.remembered(state: "running")
        try #require(try host.connection.lookupDomain(name: host.name("vm"))).destroy()
        let step = try #require(host.step(try host.plan(manifests), host.domainID()))
        #expect(step.fields.map(\.path) == ["state"])
        #expect(step.operations.map(\.description) == ["start"])
    }

    @Test("autostart set by hand after a remembered plan is drift when the manifest says otherwise")
    func autostartByHand() throws {
        let host = try DriverHost()
        let manifests = host.manifests(host.stack(host.domainYAML(state: "shutoff", spec: "  autostart: false")))
        try host.applyCleanly(manifests)
        #expect(try host.plan(manifests).plan.steps.isEmpty)
        try #require(try host.connection.lookupDomain(name: host.name("vm"))).setAutostart(true)
        let step = try #require(host.step(try host.plan(manifests), host.domainID()))
        #expect(step.fields.map(\.path) == ["autostart"])
    }
}
