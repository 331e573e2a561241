import Testing
import VirtsyncManifest

@Suite("Valid fixtures pass validation")
struct ValidFixturesValidateTests {
    @Test("the YAML fixtures together resolve every reference and break no rule, even against an empty host")
    func yamlSetIsClean() throws {
        let manifests = try Fixtures.load(
            "valid/networks.yaml",
            "valid/storage.yaml",
            "valid/domain-full.yaml",
            "valid/domain-minimal.yaml",
            "valid/raw.yaml"
        )
        let findings = ManifestValidator.validate(
            manifests,
            context: ValidationContext(allowedPaths: ["/var/lib/libvirt/images"], hostObjects: [])
        )
        #expect(findings.map(\.description) == [])
    }

    @Test("the seed's bare XML files validate without findings")
    func bareXMLIsClean() throws {
        for path in ["valid/myvm.xml", "valid/default-network.xml"] {
            let findings = ManifestValidator.validate(try Fixtures.load(path), context: ValidationContext())
            #expect(findings.map(\.description) == [], "\(path)")
        }
    }
}
