import LibvirtXML
import Testing
import VirtsyncPlan

/// libvirt's spelling of a document keeps only what the manifest's document speaks about.
@Suite("canonical projection")
struct CanonicalProjectionTests {
    static func xml(_ text: String) throws -> XElement { try XElement(parsing: text) }

    @Test("values libvirt fills in (UUID, arch, MAC, a video card) are left out")
    func fillsAreDropped() throws {
        let original = try Self.xml(
            """
            <domain type='kvm'><name>a</name><os><type>hvm</type></os>
            <devices><interface type='network'><source network='default'/></interface></devices></domain>
            """
        )
        let canonical = try Self.xml(
            """
            <domain type='kvm'><name>a</name><uuid>9e6a9646-c63e-4a41-afa2-d6129bc4fe2d</uuid>
            <os><type arch='i686'>hvm</type><boot dev='hd'/></os>
            <devices><interface type='network'><mac address='52:54:00:7e:52:d8'/><source network='default'/>
            <target dev='testnet0'/></interface><video><model type='cirrus'/></video></devices></domain>
            """
        )
        let projected = CanonicalProjection.project(canonical, onto: original)
        #expect(projected == original)
    }

    @Test("libvirt's spelling of what the manifest says is kept, lists split or reordered whole")
    func spellingIsKept() throws {
        let original = try Self.xml(
            """
            <domain><memory unit='MiB'>512</memory>
            <cputune><vcpusched vcpus='0-1' scheduler='fifo' priority='1'/></cputune>
            <devices><disk type='file'><target dev='vdb'/><address type='pci' slot='0x0A' bus='0'/></disk>
            <disk type='file'><target dev='hda'/></disk></devices></domain>
            """
        )
        let canonical = try Self.xml(
            """
            <domain><memory unit='KiB'>524288</memory><currentMemory unit='KiB'>524288</currentMemory>
            <cputune><vcpusched vcpus='0' scheduler='fifo' priority='1'/><vcpusched vcpus='1' scheduler='fifo' priority='1'/></cputune>
            <devices><disk type='file' device='disk'><target dev='hda' bus='ide'/></disk>
            <disk type='file' device='disk'><target dev='vdb' bus='virtio'/>
            <address type='pci' domain='0x0000' bus='0x00' slot='0x0a' function='0x0'/></disk></devices></domain>
            """
        )
        let projected = CanonicalProjection.project(canonical, onto: original)
        #expect(projected.child("memory") == XElement("memory", ["unit": "KiB"], text: "524288"))
        #expect(projected.child("currentMemory") == nil)
        #expect(projected.child("cputune")?.children("vcpusched").map { $0[attribute: "vcpus"] } == ["0", "1"])
        let disks = projected.child("devices")?.children("disk") ?? []
        #expect(disks.map { $0.child("target")?[attribute: "dev"] } == ["hda", "vdb"])
        let address = disks.last?.child("address")
        #expect(Set(address?.attributes.map(\.name) ?? []) == ["type", "bus", "slot"])
        #expect(address?[attribute: "slot"] == "0x0a")
        #expect(disks.allSatisfy { $0[attribute: "device"] == nil && $0.child("target")?[attribute: "bus"] == nil })
    }
}
