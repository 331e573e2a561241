import Testing
import VirtsyncManifest

@Suite("StoragePool and Volume manifests load into their specs")
struct StorageFixtureTests {
    @Test("every StoragePool field reads into the expected spec, and an empty one takes the defaults")
    func pools() throws {
        let manifests = try Fixtures.load("valid/storage.yaml")
        #expect(
            manifests.named("default")?.spec
                == .storagePool(
                    StoragePoolSpec(
                        type: .dir,
                        uuid: "0f8e3c2a-1b2c-4d5e-8f90-123456789abc",
                        targetPath: "/var/lib/libvirt/images",
                        permissions: .init(mode: "0711", owner: 0, group: 107),
                        build: false,
                        active: true,
                        autostart: false
                    )
                )
        )
        #expect(
            manifests.named("fast")?.spec
                == .storagePool(
                    StoragePoolSpec(
                        type: .dir,
                        targetPath: "/srv/fast",
                        build: true,
                        active: true,
                        autostart: true
                    )
                )
        )
    }

    @Test("every Volume field reads into the expected spec, sizes in binary and decimal units")
    func volumes() throws {
        let manifests = try Fixtures.load("valid/storage.yaml")
        let full = try #require(manifests.named("ubuntu-vm.qcow2"))
        #expect(
            full.spec
                == .volume(
                    VolumeSpec(
                        pool: "default",
                        capacity: .gib(20),
                        format: .qcow2,
                        backingStore: .init(path: "/var/lib/libvirt/images/base.qcow2", format: .raw),
                        source: .init(path: "/srv/fast/golden.qcow2"),
                        deletionPolicy: .delete
                    )
                )
        )
        #expect(full.id == ObjectID(.volume, "ubuntu-vm.qcow2", pool: "default"))
        #expect(
            manifests.named("scratch.img")?.spec
                == .volume(
                    VolumeSpec(
                        pool: "fast",
                        capacity: ByteSize(bytes: 512_000_000),
                        format: .raw,
                        deletionPolicy: .retain
                    )
                )
        )
    }
}
