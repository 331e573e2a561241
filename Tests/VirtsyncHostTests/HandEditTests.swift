import Libvirt
import LibvirtXML
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// A change made by hand through libvirt shows in the next plan, naming the field, and apply reverts it.
@Suite("hand edits are drift")
struct HandEditTests {
    @Test("a disk added by hand is drift at devices/disk[vdb] with nothing wanted, and apply removes it")
    func addedDisk() throws {
        let host = try DriverHost()
        let manifests = host.manifests(host.stack(host.domainYAML(state: "shutoff")))
        try host.applyCleanly(manifests)
        try host.editDomainByHand("vm") { domain in
            var devices = domain.child("devices") ?? XElement("devices")
            devices.append(
                XElement(
                    "disk",
                    ["type": "file", "device": "disk"],
                    children: [
                        XElement("source", ["file": host.path("extra.img")]),
                        XElement("target", ["dev": "vdb", "bus": "virtio"]),
                    ]
                )
            )
            domain.setChild("devices", devices)
        }
        let (planned, report) = try host.apply(manifests)
        let step = try #require(host.step(planned, host.domainID()))
        #expect(step.change == .update)
        let drift = try #require(step.fields.first { $0.path == "devices/disk[vdb]" }, "\(step.fields)")
        #expect(drift.want == nil)
        #expect(drift.have?.contains("extra.img") == true)
        #expect(report.succeeded, "\(report.failures)")
        #expect(!(try host.domainXML("vm").contains("extra.img")))
        #expect(try host.plan(manifests).plan.steps.isEmpty)
    }

    @Test("memory changed by hand is drift at memory, and apply sets it back")
    func changedMemory() throws {
        let host = try DriverHost()
        let manifests = host.manifests(host.stack(host.domainYAML(memory: "256MiB", state: "shutoff")))
        try host.applyCleanly(manifests)
        try host.editDomainByHand("vm") { domain in
            domain.setChild("memory", XElement("memory", ["unit": "KiB"], text: "524288"))
            domain.setChild("currentMemory", XElement("currentMemory", ["unit": "KiB"], text: "524288"))
        }
        let (planned, report) = try host.apply(manifests)
        let step = try #require(host.step(planned, host.domainID()))
        let memory = try #require(step.fields.first { $0.path == "memory" }, "\(step.fields)")
        #expect(memory.have == "524288 KiB")
        #expect(memory.want.map { ["256 MiB", "262144 KiB"].contains($0) } == true, "\(memory)")
        #expect(report.succeeded, "\(report.failures)")
        #expect(try host.domainXML("vm").contains(">262144</memory>"))
        #expect(try host.plan(manifests).plan.steps.isEmpty)
    }

    @Test("a disk added by hand to a running domain's definition is drift too")
    func addedDiskRunning() throws {
        let host = try DriverHost()
        let manifests = host.manifests(host.stack(host.domainYAML(state: "running")))
        try host.applyCleanly(manifests)
        try host.editDomainByHand("vm") { domain in
            var devices = domain.child("devices") ?? XElement("devices")
            devices.append(
                XElement(
                    "disk",
                    ["type": "file", "device": "disk"],
                    children: [
                        XElement("source", ["file": host.path("extra.img")]),
                        XElement("target", ["dev": "vdc", "bus": "virtio"]),
                    ]
                )
            )
            domain.setChild("devices", devices)
        }
        let planned = try host.plan(manifests)
        let step = try #require(host.step(planned, host.domainID()))
        #expect(step.fields.contains { $0.path == "devices/disk[vdc]" && $0.want == nil }, "\(step.fields)")
        #expect(step.operations.contains { $0.isDefine })
    }

    /// The live balloon size is the guest's to report (without a balloon driver it never moves), so it is
    /// not compared; the definition's currentMemory is. A real host showed the perpetual diff otherwise.
    @Test("a running domain ballooned by hand is not drift, and one destroyed by hand is started")
    func liveDrift() throws {
        let host = try DriverHost()
        let manifests = host.manifests(host.stack(host.domainYAML(memory: "256MiB", state: "running")))
        try host.applyCleanly(manifests)
        let domain = try #require(try host.connection.lookupDomain(name: host.name("vm")))
        try domain.setMemory(kibibytes: 131072, affect: .live)
        #expect(try host.plan(manifests).plan.steps.isEmpty)
        try domain.destroy()
        let (stopped, restarted) = try host.apply(manifests)
        #expect(host.step(stopped, host.domainID())?.operations == [.start])
        #expect(restarted.succeeded, "\(restarted.failures)")
        #expect(try domain.isActive())
        #expect(try host.plan(manifests).plan.steps.isEmpty)
    }
}
