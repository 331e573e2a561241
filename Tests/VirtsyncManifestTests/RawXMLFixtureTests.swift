import LibvirtXML
import Testing
import VirtsyncManifest

@Suite("Raw libvirt XML manifests")
struct RawXMLFixtureTests {
    @Test("the seed's myvm domain XML loads as a bare domain whose power state is left alone")
    func bareDomain() throws {
        let manifest = try #require(try Fixtures.load("valid/myvm.xml").first)
        let raw = try #require(Self.raw(manifest))
        #expect(manifest.metadata == ObjectMeta(name: "myvm"))
        #expect(manifest.origin == .bareXML)
        #expect(manifest.kind == .domain)
        #expect(manifest.location == SourceLocation(file: "valid/myvm.xml", line: 2, column: 1))
        #expect(raw == RawXMLSpec.bare(kind: .domain, xml: raw.xml))
        #expect(raw.state == nil && raw.autostart == nil)
        #expect(raw.xml.descendant("devices/disk/source")?[attribute: "file"] == "/var/lib/libvirt/images/myvm.qcow2")
    }

    @Test("the seed's default network XML loads as a bare network that is started and autostarted")
    func bareNetwork() throws {
        let manifest = try #require(try Fixtures.load("valid/default-network.xml").first)
        let raw = try #require(Self.raw(manifest))
        #expect(manifest.id == ObjectID(.network, "default"))
        #expect(raw.active == true && raw.autostart == true)
        #expect(raw.xml.descendant("forward/nat/port")?[attribute: "end"] == "65535")
    }

    @Test("spec.xml of every kind loads with the policies written beside it and the kind's defaults")
    func specXML() throws {
        let manifests = try Fixtures.load("valid/raw.yaml")
        let network = try #require(manifests.named("raw-bridge").flatMap(Self.raw))
        #expect((network.kind, network.active, network.autostart) == (.network, true, false))
        let pool = try #require(manifests.named("images").flatMap(Self.raw))
        #expect((pool.kind, pool.active, pool.autostart) == (.storagePool, false, true))
        let volume = try #require(manifests.named("disk.qcow2"))
        #expect(volume.id == ObjectID(.volume, "disk.qcow2", pool: "images"))
        #expect(Self.raw(volume)?.deletionPolicy == .delete)
        let domain = try #require(manifests.named("legacy").flatMap(Self.raw))
        #expect(domain.state == .running && domain.autostart == true)
        #expect(domain.restartPolicy == .graceful && domain.shutdownTimeoutSeconds == 30)
        #expect(domain.xml.name == "domain" && domain.xml.child("name")?.text == "legacy")
    }

    static func raw(_ manifest: Manifest) -> RawXMLSpec? {
        if case .rawXML(let raw) = manifest.spec { return raw }
        return nil
    }
}
