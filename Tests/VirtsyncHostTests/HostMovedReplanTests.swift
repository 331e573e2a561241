import Libvirt
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// When a step fails because the host moved (the object appeared between the plan and the apply), the
/// object is planned again as `check` plans: in libvirt's spelling, so one that matches only there is
/// not defined again.
@Suite("a step whose object moved is planned again in libvirt's spelling")
struct HostMovedReplanTests {
    @Test("a domain defined by another client meanwhile, matching only in libvirt's spelling, is not redefined")
    func appearedMeanwhile() throws {
        let host = try DriverHost()
        // An upper-case MAC: libvirt keeps it lower-case, so it matches only in libvirt's spelling.
        let xml = """
            <domain type='qemu'>
              <name>\(host.name("vm"))</name>
              <memory unit='KiB'>65536</memory>
              <vcpu>1</vcpu>
              <os><type arch='x86_64'>hvm</type></os>
              <devices><interface type='user'><mac address='52:54:00:AB:CD:EF'/></interface></devices>
            </domain>
            """
        let manifests = host.manifests(
            """
            apiVersion: virtsync/v1
            kind: Domain
            metadata:
              name: \(host.name("vm"))
            spec:
              state: shutoff
              xml: |
            \(xml.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            """
        )
        let planned = try host.plan(manifests)
        #expect(planned.plan.steps.map(\.change) == [.create])
        _ = try host.connection.defineDomain(xml: xml)
        let before = host.mutations
        let report = try host.session.apply(planned)
        #expect(report.succeeded, "\(report.failures)")
        #expect(host.mutations - before == 1, "only the create that found it there: no second define")
        #expect(try host.plan(manifests).plan.steps.isEmpty)
    }
}
