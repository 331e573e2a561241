import Testing
import VirtsyncManifest

@Suite("Field locations")
struct FieldLocationTests {
    @Test("a loaded manifest knows where each field was written, and falls back to the nearest parent")
    func locations() throws {
        let manifest = try #require(try Fixtures.load("valid/domain-full.yaml").first)
        let place = { (field: String) in "\(manifest.location(of: field))" }
        #expect(place("spec.devices.disks[1].path") == "valid/domain-full.yaml:41:9")
        #expect(place("spec.devices.disks[1]") == "valid/domain-full.yaml:39:9")
        #expect(place("spec.memory") == "valid/domain-full.yaml:10:3")
        #expect(place("spec.devices.disks[1].nothing") == "valid/domain-full.yaml:39:9")
        #expect(place("") == "valid/domain-full.yaml:2:1")
    }

    @Test("a manifest built in code reports at its document location")
    func builtInCode() {
        let manifest = Manifest(
            metadata: ObjectMeta(name: "n"),
            spec: .network(NetworkSpec()),
            origin: .yaml,
            location: SourceLocation(file: "n.yaml", line: 3, column: 1)
        )
        #expect(manifest.location(of: "spec.mtu") == SourceLocation(file: "n.yaml", line: 3, column: 1))
    }
}
