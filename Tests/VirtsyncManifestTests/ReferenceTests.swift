import Testing
import VirtsyncManifest

@Suite("References between objects")
struct ReferenceTests {
    static let domain = """
        apiVersion: virtsync/v1
        kind: Domain
        metadata: {name: web1}
        spec:
          memory: 1GiB
          vcpus: 1
          devices:
            disks: [{target: vda, volume: {pool: default, name: web1.qcow2}}]
            interfaces: [{network: default}]

        """

    func validate(_ context: ValidationContext) throws -> [String] {
        let loaded = ManifestLoader.load([ManifestFile(path: "web1.yaml", text: Self.domain)])
        #expect(loaded.diagnostics.isEmpty)
        return ManifestValidator.validate(loaded.manifests, context: context).map(\.description)
    }

    @Test("with no host to ask, an undeclared object is a warning that the host must have it")
    func warningsWithoutHost() throws {
        #expect(
            try validate(ValidationContext()) == [
                "web1.yaml:8:36: warning: spec.devices.disks[0].volume.pool: pool 'default' is not declared here; the host must have it",
                "web1.yaml:9:19: warning: spec.devices.interfaces[0].network: network 'default' is not declared here; the host must have it",
            ]
        )
    }

    @Test("objects the host has satisfy references no manifest declares")
    func hostObjectsResolve() throws {
        let host: Set<ObjectID> = [
            ObjectID(.storagePool, "default"), ObjectID(.volume, "web1.qcow2", pool: "default"),
            ObjectID(.network, "default"),
        ]
        #expect(try validate(ValidationContext(hostObjects: host)) == [])
    }

    @Test("a pool the host has but a volume it lacks is an error about the volume")
    func missingVolumeOnHost() throws {
        let host: Set<ObjectID> = [ObjectID(.storagePool, "default"), ObjectID(.network, "default")]
        #expect(
            try validate(ValidationContext(hostObjects: host)) == [
                "web1.yaml:8:27: error: spec.devices.disks[0].volume: volume 'web1.qcow2' in pool 'default' is not declared by any manifest and does not exist on the host"
            ]
        )
    }

    @Test("a validation says whether a host could change its findings: only when something used is undeclared")
    func hostCanChange() throws {
        let declared =
            Self.domain + """
                ---
                apiVersion: virtsync/v1
                kind: Network
                metadata: {name: default}
                spec: {}
                ---
                apiVersion: virtsync/v1
                kind: StoragePool
                metadata: {name: default}
                spec: {type: dir, target: {path: /var/lib/libvirt/images}}
                ---
                apiVersion: virtsync/v1
                kind: Volume
                metadata: {name: web1.qcow2}
                spec: {pool: default, capacity: 1GiB}

                """
        let everything = ManifestLoader.load([ManifestFile(path: "all.yaml", text: declared)])
        #expect(everything.diagnostics.map(\.description) == [])
        let closed = ManifestValidator.validateNotingHostUse(everything.manifests, context: ValidationContext())
        #expect(closed.findings.map(\.description) == [])
        #expect(!closed.hostCanChange)

        let alone = ManifestLoader.load([ManifestFile(path: "web1.yaml", text: Self.domain)])
        #expect(ManifestValidator.validateNotingHostUse(alone.manifests, context: ValidationContext()).hostCanChange)
    }
}
