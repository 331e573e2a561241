import Foundation
import LibvirtXML
import Testing
import VirtsyncPlan

/// The comparator on documents as values: what libvirt adds is not drift, what the manifest owns is.
@Suite("comparing owned fields")
struct XMLComparatorTests {
    static func xml(_ text: String) throws -> XElement { try XElement(parsing: text) }

    static func domain(_ devices: String, memory: String = "<memory unit='KiB'>262144</memory>") throws -> XElement {
        try xml("<domain type='kvm'><name>web1</name>\(memory)<vcpu>2</vcpu><devices>\(devices)</devices></domain>")
    }

    static let vda =
        "<disk type='file' device='disk'><source file='/img/a.qcow2'/><target dev='vda' bus='virtio'/></disk>"
    static let vdb =
        "<disk type='file' device='disk'><source file='/img/b.qcow2'/><target dev='vdb' bus='virtio'/></disk>"
    static func nic(_ mac: String?, network: String = "default") -> String {
        "<interface type='network'>\(mac.map { "<mac address='\($0)'/>" } ?? "")<source network='\(network)'/><model type='virtio'/></interface>"
    }

    let comparator = XMLComparator()

    @Test("controllers, a memballoon, addresses and a UUID libvirt added are not drift")
    func libvirtAdditions() throws {
        let want = try Self.domain(Self.vda)
        let have = try Self.xml(
            """
            <domain type='kvm'><name>web1</name><uuid>0f0e0d0c-0000-4000-8000-000000000001</uuid>
            <memory unit='KiB'>262144</memory><currentMemory unit='KiB'>262144</currentMemory><vcpu placement='static'>2</vcpu>
            <devices>
              <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/img/a.qcow2'/>
                <target dev='vda' bus='virtio'/><address type='pci' domain='0x0000' bus='0x04' slot='0x00' function='0x0'/></disk>
              <controller type='usb' index='0' model='qemu-xhci'/><controller type='pci' index='0' model='pcie-root'/>
              <input type='mouse' bus='ps2'/><memballoon model='virtio'/>
            </devices></domain>
            """
        )
        #expect(comparator.compare(want: want, have: have) == [])
    }

    @Test("memory written in another unit is the same amount")
    func memoryUnits() throws {
        let want = try Self.domain(Self.vda, memory: "<memory unit='MiB'>256</memory>")
        #expect(comparator.compare(want: want, have: try Self.domain(Self.vda)) == [])
        let more = try Self.domain(Self.vda, memory: "<memory unit='KiB'>524288</memory>")
        #expect(
            comparator.compare(want: want, have: more) == [
                FieldChange(path: "memory", want: "256 MiB", have: "524288 KiB")
            ]
        )
    }

    @Test("a disk only the host has is drift, keyed by its target")
    func extraDisk() throws {
        let changes = comparator.compare(want: try Self.domain(Self.vda), have: try Self.domain(Self.vda + Self.vdb))
        #expect(changes.map(\.path) == ["devices/disk[vdb]"])
        #expect(changes.first?.want == nil)
        #expect(changes.first?.have?.contains("/img/b.qcow2") == true)
    }

    @Test("a disk the host lacks is drift with nothing on the host")
    func missingDisk() throws {
        let changes = comparator.compare(want: try Self.domain(Self.vda + Self.vdb), have: try Self.domain(Self.vda))
        #expect(changes.map(\.path) == ["devices/disk[vdb]"])
        #expect(changes.first?.have == nil)
    }

    @Test("a disk's bus change names the attribute")
    func diskBus() throws {
        let sata = Self.vda.replacingOccurrences(of: "bus='virtio'", with: "bus='sata'")
        #expect(
            comparator.compare(want: try Self.domain(sata), have: try Self.domain(Self.vda))
                == [FieldChange(path: "devices/disk[vda]/target@bus", want: "sata", have: "virtio")]
        )
    }

    @Test("interfaces pair by MAC whatever their order and the case of the MAC")
    func interfacesByMAC() throws {
        let want = try Self.domain(
            Self.nic("52:54:00:00:00:02", network: "b") + Self.nic("52:54:00:00:00:01", network: "a")
        )
        let have = try Self.domain(
            Self.nic("52:54:00:00:00:01", network: "a") + Self.nic("52:54:00:00:00:02", network: "b")
        )
        #expect(comparator.compare(want: want, have: have) == [])
        // Paired, not missing and extra; the spelling itself is libvirt's parser's to settle (the planner
        // compares libvirt's canonical form, which has the MAC in lower case).
        let upper = try Self.domain(Self.nic("52:54:00:00:00:0A"))
        let changes = comparator.compare(want: upper, have: try Self.domain(Self.nic("52:54:00:00:00:0a")))
        #expect(changes.map(\.path) == ["devices/interface[52:54:00:00:00:0a]/mac@address"])
    }

    @Test("an interface with another MAC is one missing and one extra")
    func interfaceOtherMAC() throws {
        let changes = comparator.compare(
            want: try Self.domain(Self.nic("52:54:00:00:00:03")),
            have: try Self.domain(Self.nic("52:54:00:00:00:01"))
        )
        #expect(
            changes.map(\.path) == ["devices/interface[52:54:00:00:00:03]", "devices/interface[52:54:00:00:00:01]"]
        )
        #expect(changes.map { $0.want == nil } == [false, true])
    }

    @Test("an interface without a MAC in the manifest pairs with the host's generated one by order")
    func interfaceWithoutMAC() throws {
        let want = try Self.domain(Self.nic(nil))
        #expect(comparator.compare(want: want, have: try Self.domain(Self.nic("52:54:00:12:34:56"))) == [])
        let changes = comparator.compare(
            want: want,
            have: try Self.domain(Self.nic("52:54:00:12:34:56", network: "other"))
        )
        #expect(changes == [FieldChange(path: "devices/interface[0]/source@network", want: "default", have: "other")])
    }
}
