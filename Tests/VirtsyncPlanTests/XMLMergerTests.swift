import LibvirtXML
import Testing
import VirtsyncPlan

/// The merge an update redefines from: the manifest's fields written into what libvirt has.
@Suite("merging into the host's document")
struct XMLMergerTests {
    let merger = XMLMerger()
    let comparator = XMLComparator()

    static let uuid = "0f0e0d0c-0000-4000-8000-000000000001"
    static let address = "<address type='pci' domain='0x0000' bus='0x04' slot='0x00' function='0x0'/>"

    static func disk(_ dev: String, bus: String = "virtio", address: String = "") -> String {
        "<disk type='file' device='disk'><source file='/img/\(dev).qcow2'/><target dev='\(dev)' bus='\(bus)'/>\(address)</disk>"
    }

    static func host(_ devices: String) throws -> XElement {
        try XElement(
            parsing: """
                <domain type='kvm'><name>web1</name><uuid>\(uuid)</uuid><memory unit='KiB'>262144</memory><vcpu>2</vcpu>
                <devices>\(devices)<controller type='usb' index='0' model='qemu-xhci'/></devices></domain>
                """
        )
    }

    static func manifest(_ devices: String, memory: String = "262144") throws -> XElement {
        try XElement(
            parsing:
                "<domain type='kvm'><name>web1</name><memory unit='KiB'>\(memory)</memory><vcpu>2</vcpu><devices>\(devices)</devices></domain>"
        )
    }

    @Test("a merge keeps the host's UUID, generated MAC and controllers while taking the manifest's memory")
    func keepsLibvirtFields() throws {
        let have = try Self.host(
            Self.disk("vda")
                + "<interface type='network'><mac address='52:54:00:9a:bc:de'/><source network='default'/></interface>"
        )
        let want = try Self.manifest(
            Self.disk("vda") + "<interface type='network'><source network='default'/></interface>",
            memory: "524288"
        )
        let merged = merger.merge(want: want, into: have)
        #expect(merged.child("uuid")?.text == Self.uuid)
        #expect(merged.descendant("devices/interface/mac")?[attribute: "address"] == "52:54:00:9a:bc:de")
        #expect(merged.child("devices")?.children("controller").count == 1)
        #expect(merged.child("memory")?.text == "524288")
        #expect(comparator.compare(want: want, have: merged) == [])
    }

    @Test("a merge drops a disk the manifest no longer has")
    func dropsRemovedDisk() throws {
        let merged = merger.merge(
            want: try Self.manifest(Self.disk("vda")),
            into: try Self.host(Self.disk("vda") + Self.disk("vdb"))
        )
        #expect(
            merged.child("devices")?.children("disk").compactMap { $0.child("target")?[attribute: "dev"] } == ["vda"]
        )
        #expect(merged.child("devices")?.children("controller").count == 1)
    }

    @Test("a disk moved to another bus loses its address, and a disk that stays keeps its own")
    func busChangeDropsAddress() throws {
        let have = try Self.host(Self.disk("vda", address: Self.address) + Self.disk("vdb", address: Self.address))
        let want = try Self.manifest(Self.disk("vda", bus: "sata") + Self.disk("vdb"))
        let disks = merger.merge(want: want, into: have).child("devices")?.children("disk") ?? []
        try #require(disks.count == 2)
        #expect(disks[0].child("target")?[attribute: "bus"] == "sata")
        #expect(disks[0].child("address") == nil)
        #expect(disks[1].child("address") != nil)
    }

    @Test("a machine type of another family drops every address and the controllers")
    func machineFamilyChange() throws {
        var have = try Self.host(Self.disk("vda", address: Self.address))
        have.setChild("os", try XElement(parsing: "<os><type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type></os>"))
        var want = try Self.manifest(Self.disk("vda"))
        want.setChild("os", try XElement(parsing: "<os><type arch='x86_64' machine='q35'>hvm</type></os>"))
        let merged = merger.merge(want: want, into: have)
        #expect(merged.descendant("devices/disk/address") == nil)
        #expect(merged.child("devices")?.children("controller").isEmpty == true)
        #expect(merged.descendant("os/type")?[attribute: "machine"] == "q35")
    }
}
