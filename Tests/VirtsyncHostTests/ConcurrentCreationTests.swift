import Libvirt
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// New domains are created a few at a time (`PlanApplier.creationWidth`); the report still lists them
/// in the plan's order, and one libvirt refuses fails alone, with its own message.
@Suite("new domains are created concurrently")
struct ConcurrentCreationTests {
    static func domain(_ host: DriverHost, _ base: String, bad: Bool = false) -> String {
        // Two cdroms on one target: valid by the schema, refused by libvirt's parser at define.
        let devices =
            bad
            ? "<devices><disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>"
                + "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk></devices>" : "<devices/>"
        return """
            apiVersion: virtsync/v1
            kind: Domain
            metadata:
              name: \(host.name(base))
            spec:
              state: shutoff
              xml: |
                <domain type='qemu'>
                  <name>\(host.name(base))</name>
                  <memory unit='KiB'>65536</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64'>hvm</type></os>
                  \(devices)
                </domain>
            """
    }

    @Test("twelve new domains, one refused: eleven defined, the report in plan order, the refusal alone")
    func twelve() throws {
        let host = try DriverHost()
        let bases = (0..<12).map { "d" + String($0 / 10) + String($0 % 10) }
        let text = bases.map { Self.domain(host, $0, bad: $0 == "d05") }.joined(separator: "\n---\n")
        let manifests = host.manifests(text)
        let (planned, report) = try host.apply(manifests)
        #expect(planned.plan.pending.count == 12)
        #expect(report.outcomes.map(\.id) == planned.plan.pending.map(\.id), "the report keeps the plan's order")
        #expect(report.failures.map(\.id) == [host.domainID("d05")])
        #expect(report.failures.first?.error?.contains("target 'hdc' duplicated") == true)
        for base in bases where base != "d05" {
            #expect(try host.connection.lookupDomain(name: host.name(base)) != nil, "\(base)")
        }
        #expect(try host.connection.lookupDomain(name: host.name("d05")) == nil)
        let after = try host.plan(manifests)
        #expect(after.plan.steps.map(\.id) == [host.domainID("d05")], "only the refused one is still pending")
    }
}
