import LibvirtXML
import Testing
import VirtsyncManifest

@Suite("Writing manifests")
struct ManifestWriterTests {
    @Test("a written manifest loads back as the same spec, even with a name YAML would read as a boolean")
    func roundTrip() throws {
        let specs = [
            RawXMLSpec(
                kind: .domain,
                xml: try XElement(parsing: "<domain type='kvm'><name>yes</name></domain>"),
                state: .paused,
                autostart: true
            ),
            RawXMLSpec(
                kind: .network,
                xml: try XElement(parsing: "<network><name>yes</name></network>"),
                active: false,
                autostart: false
            ),
            RawXMLSpec(kind: .volume, xml: try XElement(parsing: "<volume><name>yes</name></volume>"), pool: "default"),
        ]
        for spec in specs {
            let yaml = try ManifestWriter.yaml(name: "yes", spec: spec, comment: "from a test")
            let loaded = ManifestLoader.load([ManifestFile(path: "w.yaml", text: yaml)])

            #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)\n\(yaml)")
            #expect(loaded.manifests.first?.metadata.name == "yes")
            #expect(loaded.manifests.first?.spec == .rawXML(spec), "\(yaml)")
            #expect(yaml.hasPrefix("# from a test\napiVersion: virtsync/v1\n"))
        }
    }

    @Test(
        "a name YAML would read as null, a boolean or a number is quoted and reads back as the name",
        arguments: ["null", "~", "yes", "1.0", "0x10"]
    )
    func quotedNames(_ name: String) throws {
        let spec = RawXMLSpec(kind: .network, xml: XElement("network", children: [XElement("name", text: name)]))
        let yaml = try ManifestWriter.yaml(name: name, spec: spec)

        #expect(yaml.contains("  name: '\(name)'\n"), "\(yaml)")
        let loaded = ManifestLoader.load([ManifestFile(path: "w.yaml", text: yaml)])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.manifests.first?.metadata.name == name)
    }

    @Test(
        "object names read back from their printed form",
        arguments: [
            ("domain/web1", ObjectID(.domain, "web1")), ("network/default", ObjectID(.network, "default")),
            ("pool/images", ObjectID(.storagePool, "images")),
            ("volume/images/a.qcow2", ObjectID(.volume, "a.qcow2", pool: "images")),
        ]
    )
    func objectNames(_ example: (String, ObjectID)) {
        #expect(ObjectID(parsing: example.0) == example.1)
        #expect(example.1.description == example.0)
    }

    @Test(
        "anything else names no object",
        arguments: ["web1", "vm/web1", "domain/", "volume/images", "domain/a/b", "pool//x"]
    )
    func badNames(_ text: String) {
        #expect(ObjectID(parsing: text) == nil)
    }
}
