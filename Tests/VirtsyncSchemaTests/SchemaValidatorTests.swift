import Foundation
import Testing
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncSchema

/// Manifests checked against libvirt's schemas without libvirtd: errors name file, line and field.
@Suite("schema validation of manifests")
struct SchemaValidatorTests {
    static func load(_ files: [ManifestFile]) -> ManifestLoadResult { ManifestLoader.load(files) }

    static let bare = """
        <domain type='kvm'>
          <name>web</name>
          <memory unit='MiB'>512</memory>
          <os><type arch='x86_64'>hvm</type></os>
          <devices>
            <disk type='file' device='disk'>
              <driver name='qemu' type='qcow2' cahce='none'/>
              <source file='/var/lib/libvirt/images/web.qcow2'/>
              <target dev='vda' bus='virtio'/>
            </disk>
          </devices>
        </domain>
        """

    @Test("a misspelt attribute in a bare .xml file is an error at its line, naming the element")
    func bareXMLTypo() throws {
        let file = ManifestFile(path: "hosts/web.xml", text: Self.bare)
        let loaded = Self.load([file])
        try #require(!loaded.hasErrors)
        let errors = SchemaValidator.validate(loaded.manifests, files: [file])
        let first = try #require(errors.first)
        #expect(first.location.file == "hosts/web.xml")
        #expect(first.location.line == 7)
        #expect(first.field == "/domain/devices/disk/driver")
        #expect(first.description.contains("cahce"), "\(first)")
    }

    @Test("the same file spelt right has no error")
    func bareXMLValid() throws {
        let file = ManifestFile(path: "hosts/web.xml", text: Self.bare.replacingOccurrences(of: "cahce", with: "cache"))
        let loaded = Self.load([file])
        #expect(SchemaValidator.validate(loaded.manifests, files: [file]).isEmpty)
    }

    @Test("raw XML under spec.xml is checked as rendered, at the manifest")
    func yamlRawXML() throws {
        let indented = Self.bare.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        let file = ManifestFile(
            path: "web.yaml",
            text: """
                apiVersion: virtsync/v1
                kind: Domain
                metadata: {name: web}
                spec:
                  xml: |
                \(indented)
                """
        )
        let loaded = Self.load([file])
        try #require(!loaded.hasErrors, "\(loaded.diagnostics)")
        let errors = SchemaValidator.validate(loaded.manifests, files: [file])
        #expect(errors.first?.location.file == "web.yaml")
        #expect(errors.first?.field == "/domain/devices/disk/driver")
    }

    @Test("a typed manifest renders to a document the schema accepts")
    func typedManifest() throws {
        let file = ManifestFile(
            path: "web.yaml",
            text: """
                apiVersion: virtsync/v1
                kind: Domain
                metadata: {name: web}
                spec:
                  memory: 1GiB
                  vcpus: 2
                """
        )
        let loaded = Self.load([file])
        try #require(!loaded.hasErrors, "\(loaded.diagnostics)")
        #expect(SchemaValidator.validate(loaded.manifests, files: [file]).isEmpty)
    }
}
