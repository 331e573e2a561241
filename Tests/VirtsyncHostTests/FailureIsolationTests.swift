import Libvirt
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// One object libvirt refuses fails alone, with libvirt's own message; the others are applied.
@Suite("a failing object does not stop the others")
struct FailureIsolationTests {
    @Test("a domain whose XML libvirt rejects is reported with libvirt's message while the rest is applied")
    func rejectedDomain() throws {
        let host = try DriverHost()
        let bad = """
            apiVersion: virtsync/v1
            kind: Domain
            metadata:
              name: \(host.name("bad"))
            spec:
              xml: |
                <domain type='qemu'>
                  <name>\(host.name("bad"))</name>
                  <memory unit='KiB'>131072</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64'>hvm</type></os>
                  <devices>
                    <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>
                    <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>
                  </devices>
                </domain>
            """
        let manifests = host.manifests(host.stack(host.domainYAML(), volumes: [host.networkYAML(subnet: 50), bad]))
        let (planned, report) = try host.apply(manifests)
        #expect(planned.plan.steps.count == 5)
        let failure = try #require(report.failures.first)
        #expect(report.failures.count == 1)
        #expect(failure.id == host.domainID("bad"))
        // Valid by the schema (which virtsync checks offline), refused by libvirt's parser.
        #expect(failure.error?.contains("target 'hdc' duplicated") == true, "\(failure.error ?? "")")
        #expect(failure.completed == 0)
        // The failure is a value: the object, the operation that failed, and libvirt's own numbers.
        let typed = try #require(failure.failure)
        #expect(typed.object == host.domainID("bad"))
        #expect(typed.operation?.description == "define")
        #expect(typed.libvirt?.function == "virDomainDefineXMLFlags", "\(typed)")
        #expect(typed.libvirtCode != nil && typed.libvirtCode != .unset)
        #expect(report.outcomes.filter(\.succeeded).count == 4)
        #expect(try host.connection.lookupDomain(name: host.name("vm"))?.isActive() == true)
        #expect(try host.connection.lookupDomain(name: host.name("bad")) == nil)
        let after = try host.plan(manifests)
        #expect(after.plan.steps.map(\.id) == [host.domainID("bad")], "only the failed one is still pending")
    }

    @Test("a volume whose pool is not started fails with libvirt's message while the domain and network apply")
    func volumeInStoppedPool() throws {
        let host = try DriverHost()
        let stopped = host.poolYAML(extra: "  active: false")
        let manifests = host.manifests(
            [stopped, host.volumeYAML(), host.networkYAML(subnet: 51), host.domainYAML(state: "shutoff")].joined(
                separator: "\n---\n"
            )
        )
        let (_, report) = try host.apply(manifests)
        #expect(report.failures.map(\.id) == [host.volumeID()])
        #expect(report.failures.first?.error?.contains("virStorageVolCreateXML") == true, "\(report.failures)")
        // A pool that is not active is an invalid operation to libvirt, its error code kept with the failure.
        #expect(report.failures.first?.failure?.libvirtCode == .operationInvalid, "\(report.failures)")
        #expect(report.outcomes.filter(\.succeeded).map(\.id) == [host.poolID(), host.networkID(), host.domainID()])
        #expect(try host.connection.lookupDomain(name: host.name("vm")) != nil)
    }
}
