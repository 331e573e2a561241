import Foundation
import LibvirtXML
import Testing
import VirtsyncHost
import VirtsyncManifest

/// libvirt's own spelling of documents, from the in-process test driver: the rewrites a manifest author
/// cannot be expected to know.
@Suite("libvirt's spelling through the test driver")
struct TestDriverCanonicalizerTests {
    static let canonicalizer = TestDriverCanonicalizer()

    static func canonical(_ text: String, _ kind: ManifestKind = .domain) throws -> XElement {
        try #require(canonicalizer.canonical(try XElement(parsing: text), kind: kind))
    }

    static func domain(_ devices: String = "", _ rest: String = "") -> String {
        """
        <domain type='kvm'><name>web</name><memory unit='MiB'>512</memory><vcpu>2</vcpu>\(rest)
        <os><type arch='x86_64'>hvm</type></os><devices>\(devices)</devices></domain>
        """
    }

    @Test("PCI address parts come back in hex, lower case and zero-padded")
    func pciAddress() throws {
        let xml = try Self.canonical(
            Self.domain(
                """
                <disk type='file' device='disk'><source file='/tmp/a.img'/><target dev='vda' bus='virtio'/>
                <address type='pci' domain='0' bus='0' slot='0x0A' function='0'/></disk>
                """
            )
        )
        let address = xml.descendant("devices/disk/address")
        #expect(address?[attribute: "domain"] == "0x0000")
        #expect(address?[attribute: "bus"] == "0x00")
        #expect(address?[attribute: "slot"] == "0x0a")
        #expect(address?[attribute: "function"] == "0x0")
    }

    @Test("sizes come back in KiB, vcpusched one element per vCPU")
    func sizesAndScheduling() throws {
        let xml = try Self.canonical(
            Self.domain("", "<cputune><vcpusched vcpus='0-1' scheduler='fifo' priority='1'/></cputune>")
        )
        #expect(xml.child("memory") == XElement("memory", ["unit": "KiB"], text: "524288"))
        #expect(xml.descendant("cputune")?.children("vcpusched").map { $0[attribute: "vcpus"] } == ["0", "1"])
    }

    @Test("a graphics password is kept (read with the security flag)")
    func password() throws {
        let xml = try Self.canonical(Self.domain("<graphics type='vnc' autoport='yes' passwd='secret'/>"))
        #expect(xml.descendant("devices/graphics")?[attribute: "passwd"] == "secret")
    }

    @Test("the name and the UUID are the document's own, whatever the round trip used")
    func nameAndUUID() throws {
        let withUUID = Self.domain().replacingOccurrences(
            of: "<name>web</name>",
            with: "<name>web</name><uuid>0EE3D0B4-0F5B-4D8C-9F43-57B9D7E3C0A1</uuid>"
        )
        let xml = try Self.canonical(withUUID)
        #expect(xml.child("name")?.text == "web")
        #expect(xml.child("uuid")?.text == "0ee3d0b4-0f5b-4d8c-9f43-57b9d7e3c0a1")
        #expect(try Self.canonical(Self.domain()).child("uuid") == nil)
    }

    @Test("networks and pools come back in libvirt's spelling too")
    func networkAndPool() throws {
        let network = try Self.canonical(
            "<network><name>n</name><ip address='10.9.0.1' netmask='255.255.255.0'/></network>",
            .network
        )
        #expect(network.child("ip")?[attribute: "netmask"] == "255.255.255.0")
        let pool = try Self.canonical(
            "<pool type='dir'><name>p</name><target><path>/var/lib/x</path><permissions><mode>711</mode></permissions></target></pool>",
            .storagePool
        )
        #expect(pool.descendant("target/permissions/mode")?.text == "0711")
    }

    @Test("a document libvirt's parser refuses has no canonical form")
    func refused() throws {
        let xml = try XElement(parsing: "<domain type='kvm'><name>x</name></domain>")
        #expect(Self.canonicalizer.canonical(xml, kind: .domain) == nil)
    }
}
