import Testing
import VirtsyncManifest

/// `Domain.spec.cloudInit` (and beside `spec.xml`): documents inline or `{file:}`, the seed volume the
/// loader derives, and the errors a user can make.
@Suite("cloudInit")
struct CloudInitDecodingTests {
    static func load(
        _ cloudInit: String,
        disks: String = "disks: [{target: vda, volume: {pool: images, name: a.qcow2}}]"
    ) -> ManifestLoadResult {
        ManifestLoader.load([
            ManifestFile(
                path: "hosts/a/vm.yaml",
                text: """
                    apiVersion: virtsync/v1
                    kind: Domain
                    metadata: {name: a}
                    spec:
                      memory: 1GiB
                      vcpus: 1
                      devices: {\(disks)}
                      cloudInit: \(cloudInit)
                    """
            )
        ])
    }

    @Test("inline and file documents; the seed goes to the first disk's pool")
    func documents() throws {
        let result = Self.load("{userData: \"#cloud-config\\n\", networkConfig: {file: net.yaml}}")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let domain = try #require(result.manifests.first { $0.kind == .domain })
        #expect(domain.cloudInit?.userData == .inline("#cloud-config\n"))
        #expect(domain.cloudInit?.networkConfig == .file("net.yaml"))
        #expect(domain.seedVolume == ObjectID(.volume, "a-cidata.iso", pool: "images"))
        #expect(result.manifests.contains { $0.id == ObjectID(.volume, "a-cidata.iso", pool: "images") })
    }

    @Test("cloudInit.pool overrides the disk's pool, and is needed without a volume disk")
    func pool() {
        #expect(
            Self.load("{userData: x, pool: seeds}").manifests.first { $0.kind == .domain }?.seedVolume?.pool == "seeds"
        )
        let diskless = Self.load("{userData: x}", disks: "disks: []")
        #expect(
            diskless.diagnostics.contains { $0.description.contains("the seed needs a pool") },
            "\(diskless.diagnostics)"
        )
    }

    @Test("an absolute file path and an unknown key are errors")
    func errors() {
        #expect(
            Self.load("{userData: {file: /etc/shadow}}").diagnostics.contains {
                $0.description.contains("relative to the manifest's file")
            }
        )
        #expect(Self.load("{userdata: x}").hasErrors)
    }

    @Test("meta-data's own instance-id is kept; without one the domain's name is added")
    func instanceID() {
        let own = SeedSpec(
            domain: "a",
            cloudInit: CloudInit(metaData: .inline("instance-id: a-2\nlocal-hostname: x\n"))
        )
        #expect(own.instanceID == "a-2")
        #expect(own.files?.first { $0.name == "meta-data" }?.text == "instance-id: a-2\nlocal-hostname: x\n")
        let added = SeedSpec(domain: "a", cloudInit: CloudInit(metaData: .inline("local-hostname: x\n")))
        #expect(added.instanceID == "a")
        #expect(added.files?.first { $0.name == "meta-data" }?.text == "instance-id: a\nlocal-hostname: x\n")
        #expect(
            SeedSpec(domain: "a", cloudInit: CloudInit(metaData: .inline(#"{"instance-id": "j-1", "x": 2}"#)))
                .instanceID == "j-1"
        )
    }
}
