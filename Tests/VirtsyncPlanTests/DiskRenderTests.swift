import LibvirtXML
import Testing
import VirtsyncManifest

@testable import VirtsyncPlan

/// How a disk's source, device and format become `<disk>`, `<driver type>`, `<source>` and `<readonly/>`.
@Suite struct DiskRenderTests {
    typealias Disk = DomainSpec.Disk

    static let declared: [ObjectID: String] = [ObjectID(.volume, "data.raw", pool: "fast"): "raw"]

    @Test(
        "each source kind picks its disk type, source and default driver type",
        arguments: [
            (
                Disk(target: "vda", source: .volume(pool: "fast", name: "data.raw")),
                "<disk type='volume' device='disk'><driver name='qemu' type='raw'/><source pool='fast' volume='data.raw'/><target dev='vda' bus='virtio'/></disk>"
            ),
            (
                Disk(target: "vdb", source: .volume(pool: "default", name: "other.qcow2")),
                "<disk type='volume' device='disk'><driver name='qemu'/><source pool='default' volume='other.qcow2'/><target dev='vdb' bus='virtio'/></disk>"
            ),
            (
                Disk(target: "vdc", source: .volume(pool: "fast", name: "data.raw"), format: "qcow2"),
                "<disk type='volume' device='disk'><driver name='qemu' type='qcow2'/><source pool='fast' volume='data.raw'/><target dev='vdc' bus='virtio'/></disk>"
            ),
            (
                Disk(target: "vdd", source: .path("/img/a.qcow2")),
                "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/img/a.qcow2'/><target dev='vdd' bus='virtio'/></disk>"
            ),
            (
                Disk(target: "sda", device: .cdrom, bus: .sata, source: .empty),
                "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='sda' bus='sata'/><readonly/></disk>"
            ),
            (
                Disk(target: "sdb", device: .cdrom, bus: .sata, source: .path("/iso/u.iso")),
                "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='/iso/u.iso'/><target dev='sdb' bus='sata'/><readonly/></disk>"
            ),
        ]
    )
    func sourceKinds(disk: Disk, expected: String) {
        #expect(compact(DomainRenderer.disk(disk, volumeFormats: Self.declared)) == expected)
    }

    @Test(
        "a CD-ROM is read-only whatever the manifest says; a disk only when asked",
        arguments: [
            (Disk.Device.cdrom, false, true), (.cdrom, true, true), (.disk, false, false), (.disk, true, true),
        ]
    )
    func readonly(device: Disk.Device, readonly: Bool, expected: Bool) {
        let disk = Disk(target: "vdx", device: device, source: .path("/img/x"), readonly: readonly)
        let element = DomainRenderer.disk(disk)
        #expect((element.child("readonly") != nil) == expected)
        #expect(element.children.last?.name == (expected ? "readonly" : "target"))
    }

    @Test(
        "cache and io are written as set, except cache='default', which libvirt never writes back",
        arguments: [
            (Disk.Cache?.none, Disk.IO?.none, "<driver name='qemu' type='qcow2'/>"),
            (Disk.Cache.none, Disk.IO.native, "<driver name='qemu' type='qcow2' cache='none' io='native'/>"),
            (Disk.Cache.hypervisorDefault, Disk.IO.io_uring, "<driver name='qemu' type='qcow2' io='io_uring'/>"),
            (Disk.Cache.writethrough, nil, "<driver name='qemu' type='qcow2' cache='writethrough'/>"),
        ]
    )
    func cacheAndIO(cache: Disk.Cache?, io: Disk.IO?, expected: String) throws {
        let disk = Disk(target: "vda", source: .path("/img/a.qcow2"), cache: cache, io: io)
        #expect(compact(try #require(DomainRenderer.disk(disk).child("driver"))) == expected)
    }

    @Test("declared volumes give their formats, raw XML volumes included")
    func volumeFormatsOfManifests() throws {
        let raw = try XElement(
            parsing: "<volume><name>r.img</name><capacity>1</capacity><target><format type='raw'/></target></volume>"
        )
        let manifests = [
            RenderExamples.ubuntuVolume,
            RenderExamples.manifest("r.img", .rawXML(RawXMLSpec(kind: .volume, xml: raw, pool: "fast"))),
            RenderExamples.defaultPool,
        ]
        #expect(
            Renderer.volumeFormats(of: manifests) == [
                ObjectID(.volume, "ubuntu-vm.qcow2", pool: "default"): "qcow2",
                ObjectID(.volume, "r.img", pool: "fast"): "raw",
            ]
        )
    }
}
