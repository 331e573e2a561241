import Libvirt
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// Each kind of domain field change is planned as the class that says what applying it costs, and applies.
@Suite("domain field changes")
struct DomainFieldChangeTests {
    @Test("current memory of a running domain is ballooned live as an update")
    func currentMemory() throws {
        let host = try DriverHost()
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML(memory: "512MiB", spec: "  currentMemory: 256MiB")),
            to: host.stack(host.domainYAML(memory: "512MiB", spec: "  currentMemory: 384MiB"))
        )
        #expect(change.step?.change == .update)
        #expect(change.operations.contains(.setMemoryLive(kibibytes: 384 * 1024)))
        #expect(change.fieldPaths.contains("currentMemory"))
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(change.after.plan.steps.isEmpty, "\(change.after.plan.steps)")
    }

    @Test("more maximum memory on a running domain waits for a restart")
    func maxMemory() throws {
        let host = try DriverHost()
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML(memory: "256MiB")),
            to: host.stack(host.domainYAML(memory: "512MiB"))
        )
        #expect(change.step?.change == .pendingRestart)
        #expect(change.step?.fields.map(\.path).contains("memory") == true, "\(change.fieldPaths)")
        #expect(!change.operations.contains { if case .setMemoryLive = $0 { true } else { false } })
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(try host.domainXML("vm").contains(">524288</memory>"))
    }

    @Test("fewer current vCPUs on a running domain are set live as an update")
    func currentVcpus() throws {
        let host = try DriverHost()
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML(vcpus: 4, spec: "  currentVcpus: 3")),
            to: host.stack(host.domainYAML(vcpus: 4, spec: "  currentVcpus: 2"))
        )
        #expect(change.step?.change == .update, "\(change.step?.fields ?? [])")
        #expect(change.operations.contains(.setVcpusLive(2)))
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(change.after.plan.steps.isEmpty, "\(change.after.plan.steps)")
    }

    @Test("more vCPUs on a running domain wait for a restart")
    func vcpusRunning() throws {
        let host = try DriverHost()
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML(vcpus: 2)),
            to: host.stack(host.domainYAML(vcpus: 4))
        )
        #expect(change.step?.change == .pendingRestart)
        #expect(change.step?.fields.contains(FieldChange(path: "vcpu", want: "4", have: "2")) == true)
        #expect(change.operations.filter(\.isDefine).count == 1)
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(try host.domainXML("vm").contains(">4</vcpu>"))
        #expect(change.after.plan.isInSync && change.after.plan.steps.first?.change == .pendingRestart)
    }

    @Test("more vCPUs on a shut-off domain are an update")
    func vcpusShutoff() throws {
        let host = try DriverHost()
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML(vcpus: 2, state: "shutoff")),
            to: host.stack(host.domainYAML(vcpus: 4, state: "shutoff"))
        )
        #expect(change.step?.change == .update)
        #expect(change.operations.map(\.isDefine) == [true])
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(change.after.plan.steps.isEmpty, "\(change.after.plan.steps)")
    }

    @Test(
        "a disk added in the manifest is pending a restart on a running domain and an update on a shut-off one",
        arguments: ["running", "shutoff"]
    )
    func diskAdded(state: String) throws {
        let host = try DriverHost()
        let one =
            "      - target: vda\n        volume: {pool: \(host.name("pool")), name: \(host.name("disk.qcow2"))}\n"
        let two =
            one
            + "      - target: vdb\n        volume: {pool: \(host.name("pool")), name: \(host.name("data.qcow2"))}\n"
        let data = host.volumeYAML("data.qcow2")
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML(state: state, disks: one), volumes: [data]),
            to: host.stack(host.domainYAML(state: state, disks: two), volumes: [data])
        )
        #expect(change.step?.change == (state == "running" ? .pendingRestart : .update))
        #expect(
            change.step?.fields.contains { $0.path == "devices/disk[vdb]" && $0.have == nil } == true,
            "\(change.fieldPaths)"
        )
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(try host.domainXML("vm").contains("dev='vdb'") || host.domainXML("vm").contains("dev=\"vdb\""))
        #expect(change.after.plan.isInSync, "\(change.after.plan.steps)")
    }

    @Test("an interface model change on a running domain is pending a restart")
    func interfaceModel() throws {
        let host = try DriverHost()
        let network = host.networkYAML()
        func nic(_ model: String) -> String {
            "    interfaces:\n      - network: \(host.name("net"))\n        model: \(model)\n"
        }
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML(interfaces: nic("virtio")), volumes: [network]),
            to: host.stack(host.domainYAML(interfaces: nic("e1000")), volumes: [network])
        )
        #expect(change.step?.change == .pendingRestart)
        #expect(
            change.step?.fields.contains {
                $0.path.hasSuffix("model@type") && $0.want == "e1000" && $0.have == "virtio"
            } == true,
            "\(change.step?.fields ?? [])"
        )
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(change.after.plan.isInSync, "\(change.after.plan.steps)")
    }

    @Test("a running domain asked to be shut off is an update that shuts it down")
    func shutdown() throws {
        let host = try DriverHost()
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML(state: "running")),
            to: host.stack(host.domainYAML(state: "shutoff"))
        )
        #expect(change.step?.change == .update)
        #expect(change.operations == [.shutdown(timeoutSeconds: 120)])
        #expect(change.step?.fields == [FieldChange(path: "state", want: "shutoff", have: "running")])
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(try host.connection.lookupDomain(name: host.name("vm"))?.isActive() == false)
        #expect(change.after.plan.steps.isEmpty, "\(change.after.plan.steps)")
    }

    @Test("flipping autostart is an update that sets it", arguments: [true, false])
    func autostart(to value: Bool) throws {
        let host = try DriverHost()
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML(spec: "  autostart: \(!value)")),
            to: host.stack(host.domainYAML(spec: "  autostart: \(value)"))
        )
        #expect(change.step?.change == .update)
        #expect(change.operations == [.setAutostart(value)])
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(try host.connection.lookupDomain(name: host.name("vm"))?.autostart() == value)
        #expect(change.after.plan.steps.isEmpty, "\(change.after.plan.steps)")
    }

    @Test("a new UUID replaces the domain: shut down, undefined, defined again and started")
    func uuid() throws {
        let host = try DriverHost()
        let old = "6b2c4a8e-0000-4000-8000-\(String(repeating: "1", count: 12))"
        let new = "6b2c4a8e-0000-4000-8000-\(String(repeating: "2", count: 12))"
        let change = try host.change(
            host.domainID(),
            from: host.stack(host.domainYAML(spec: "  uuid: \"\(uniqueUUID(old, host))\"")),
            to: host.stack(host.domainYAML(spec: "  uuid: \"\(uniqueUUID(new, host))\""))
        )
        #expect(change.step?.change == .replace)
        #expect(change.step?.fields.map(\.path) == ["uuid"])
        let operations = change.operations.map(\.description)
        #expect(operations == ["shut down (ACPI, 120s, then destroy)", "undefine", "define", "start"])
        #expect(change.report.succeeded, "\(change.report.failures)")
        #expect(try host.connection.lookupDomain(name: host.name("vm"))?.uuid == uniqueUUID(new, host))
        #expect(change.after.plan.steps.isEmpty, "\(change.after.plan.steps)")
    }

    /// UUIDs are global on the shared driver: the test's random prefix goes into the first group.
    private func uniqueUUID(_ uuid: String, _ host: DriverHost) -> String {
        let tag = host.prefix.dropFirst().dropLast()
        return String(repeating: "0", count: 8 - tag.count) + tag + uuid.dropFirst(8)
    }
}
