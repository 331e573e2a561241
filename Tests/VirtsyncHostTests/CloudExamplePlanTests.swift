import Foundation
import LibvirtXML
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncSource

/// manifests/cloud, the cloud-image VM a newcomer copies, planned on the test driver as `make demo` plans
/// it (the driver cannot upload an image, so it is planned, not applied): every object is a create, the
/// base image comes by URL, the clone backs onto it, the seed is written, and the domain has what the
/// example promises. Planning downloads nothing.
@Suite("the cloud-image example")
struct CloudExamplePlanTests {
    static let names = ["vs-cloud-pool", "vs-cloud-vm", "ubuntu-24.04.qcow2", "vs-cloud-vm.qcow2", "vs-cloud"]

    @Test(
        "it loads, validates for the host and plans: pool, image by URL, thin clone, cloud-init seed, a domain with a pty console and the guest agent's channel"
    )
    func plans() throws {
        let host = try DriverHost()
        var manifests = host.manifests(try host.examples("cloud", names: Self.names, bridges: []))
        let seedErrors = SeedFiles.resolve(&manifests)
        #expect(seedErrors.isEmpty, "\(seedErrors)")
        let planned = try host.plan(manifests)
        let pool = host.name("vs-cloud-pool")
        let steps = Dictionary(uniqueKeysWithValues: planned.plan.steps.map { ($0.id, $0) })
        #expect(
            planned.plan.steps.allSatisfy { $0.change == .create },
            "\(planned.plan.steps.map { "\($0.id) \($0.change)" })"
        )
        #expect(
            Set(steps.keys) == [
                ObjectID(.storagePool, pool), ObjectID(.volume, host.name("ubuntu-24.04.qcow2"), pool: pool),
                ObjectID(.volume, host.name("vs-cloud-vm.qcow2"), pool: pool),
                ObjectID(.volume, host.name("vs-cloud-vm-cidata.iso"), pool: pool),
                ObjectID(.domain, host.name("vs-cloud-vm")),
            ]
        )

        let base = steps[ObjectID(.volume, host.name("ubuntu-24.04.qcow2"), pool: pool)]?.operations ?? []
        guard case .createVolumeFromImage(_, let image)? = base.first else {
            Issue.record("the base volume is not made from its image: \(base)")
            return
        }
        #expect(image.url.hasPrefix("https://") && image.sha256.count == 64)
        let clone = steps[ObjectID(.volume, host.name("vs-cloud-vm.qcow2"), pool: pool)]?.operations ?? []
        guard case .createVolume(let cloneXML, nil)? = clone.first else {
            Issue.record("the clone is not a plain create: \(clone)")
            return
        }
        #expect(
            try XElement(parsing: cloneXML).descendant("backingStore/path")?.text
                == "\(host.path("images"))/\(host.name("vs-cloud"))/\(host.name("ubuntu-24.04.qcow2"))"
        )
        let seed = steps[ObjectID(.volume, host.name("vs-cloud-vm-cidata.iso"), pool: pool)]?.operations ?? []
        #expect(seed.contains { if case .writeSeed = $0 { true } else { false } }, "\(seed)")
        // The clone comes after the image it backs onto.
        let order = planned.plan.steps.map(\.id.name)
        #expect(
            order.firstIndex(of: host.name("ubuntu-24.04.qcow2"))! < order.firstIndex(
                of: host.name("vs-cloud-vm.qcow2")
            )!
        )

        let domainOperations = steps[ObjectID(.domain, host.name("vs-cloud-vm"))]?.operations ?? []
        guard case .define(let xml)? = domainOperations.first else {
            Issue.record("the domain is not defined: \(domainOperations)")
            return
        }
        let devices = try #require(try XElement(parsing: xml).child("devices"))
        #expect(devices.children("serial").map { $0[attribute: "type"] } == ["pty"])
        #expect(devices.children("console").map { $0[attribute: "type"] } == ["pty"])
        #expect(
            devices.children("channel").compactMap { $0.child("target")?[attribute: "name"] } == [
                "org.qemu.guest_agent.0"
            ]
        )
        #expect(devices.children("rng").count == 1)
        let disks = devices.children("disk")
        #expect(disks.map { $0[attribute: "device"] } == ["disk", "cdrom"], "\(xml)")
        #expect(disks.last?.child("source")?[attribute: "volume"] == host.name("vs-cloud-vm-cidata.iso"))
        // The plan is shown without the user-data.
        #expect(
            !PlanPrinter(color: false).text(planned.plan).contains("ssh_authorized_keys")
                && !PlanPrinter(color: false).text(planned.plan).contains("qemu-guest-agent]")
        )
        #expect(!FileManager.default.fileExists(atPath: host.path("state/images")), "planning downloaded something")
    }
}
