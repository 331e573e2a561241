import Foundation
import Libvirt
import Testing

@Suite("Storage pools and volumes")
struct StoragePoolTests {
    @Test("a dir pool is defined, built, started, read back, stopped and undefined")
    func poolLifecycle() throws {
        let connection = try connect()
        let name = uniqueName("pool")
        let path = try temporaryDirectory(name)
        defer { cleanUp(path) { try FileManager.default.removeItem(atPath: path) } }
        let pool = try connection.defineStoragePool(xml: dirPoolXML(name: name, path: path))
        var undefined = false
        defer { if !undefined { cleanUp(name) { try stopAndUndefine(pool) } } }

        #expect(pool.name == name)
        #expect(try connection.lookupStoragePool(name: name)?.uuid == pool.uuid)
        #expect(try connection.listStoragePools().contains { $0.name == name })
        #expect(try pool.xml(inactive: true).contains("<path>\(path)</path>"))
        try pool.build()
        try pool.start()
        #expect(try pool.isActive())
        try pool.refresh()

        try pool.destroy()
        #expect(try pool.isActive() == false)
        try pool.undefine()
        undefined = true
        #expect(try connection.lookupStoragePool(name: name) == nil)
        #expect(connection.mutationCount == 6)
    }

    @Test("a volume is created, grown, cloned, found by path and deleted")
    func volumeLifecycle() throws {
        let connection = try connect()
        let name = uniqueName("vols")
        let path = try temporaryDirectory(name)
        defer { cleanUp(path) { try FileManager.default.removeItem(atPath: path) } }
        let pool = try connection.defineStoragePool(xml: dirPoolXML(name: name, path: path))
        defer { cleanUp(name) { try stopAndUndefine(pool) } }
        try pool.start()

        let volume = try pool.createVolume(xml: volumeXML(name: "disk.img", bytes: 1 << 20))
        defer { cleanUp("disk.img") { try volume.delete() } }
        #expect(volume.name == "disk.img")
        #expect(try volume.path == "\(path)/disk.img")
        #expect(try volume.info().capacity == 1 << 20)
        #expect(try volume.xml().contains("<name>disk.img</name>"))

        try grow(volume, to: 2 << 20)

        let clone = try pool.createVolume(
            xml: volumeXML(name: "clone.img", bytes: volume.info().capacity),
            from: volume
        )
        #expect(try pool.listVolumes().map(\.name).sorted() == ["clone.img", "disk.img"])
        #expect(try connection.lookupVolume(path: clone.path)?.key == clone.key)
        try clone.delete()
        #expect(try pool.lookupVolume(name: "clone.img") == nil)
        #expect(try connection.lookupVolume(path: "\(path)/nothing.img") == nil)
    }

    @Test("shrinking a volume is refused", .enabled(if: !onTestDriver, "the test driver cannot resize"))
    func shrinkRefused() throws {
        let connection = try connect()
        let name = uniqueName("shrink")
        let path = try temporaryDirectory(name)
        defer { cleanUp(path) { try FileManager.default.removeItem(atPath: path) } }
        let pool = try connection.defineStoragePool(xml: dirPoolXML(name: name, path: path))
        defer { cleanUp(name) { try stopAndUndefine(pool) } }
        try pool.start()
        let volume = try pool.createVolume(xml: volumeXML(name: "disk.img", bytes: 2 << 20))
        defer { cleanUp("disk.img") { try volume.delete() } }

        let error = try #require(throws: LibvirtError.self) { try volume.resize(capacity: 1 << 20) }
        #expect(error.operation == "virStorageVolResize")
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains("shrink"))
        #expect(try volume.info().capacity == 2 << 20)
    }

    /// Grows a volume; libvirt's test driver has no resize, so there the call must fail as unsupported.
    private func grow(_ volume: LibvirtStorageVolume, to bytes: UInt64) throws {
        if onTestDriver {
            let error = try #require(throws: LibvirtError.self) { try volume.resize(capacity: bytes) }
            #expect(error.code == .noSupport)
            return
        }
        try volume.resize(capacity: bytes)
        #expect(try volume.info().capacity == bytes)
    }

    private func temporaryDirectory(_ name: String) throws -> String {
        let path = "/tmp/\(name)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    private func stopAndUndefine(_ pool: LibvirtStoragePool) throws {
        if try pool.isActive() { try pool.destroy() }
        try pool.undefine()
    }
}
