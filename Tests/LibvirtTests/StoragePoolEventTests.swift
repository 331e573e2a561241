import Foundation
import Libvirt
import Testing

@Suite("Storage pool events")
struct StoragePoolEventTests {
    @Test("defining, starting, stopping and undefining a pool arrive in order within a second")
    func lifecycleInOrder() async throws {
        let log = try EventLog(eventConnection())
        defer { log.stop() }
        let name = uniqueName("evpool")
        let path = "/tmp/\(name)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        defer { cleanUp(path) { try FileManager.default.removeItem(atPath: path) } }
        let pool = try connect().defineStoragePool(xml: dirPoolXML(name: name, path: path))
        var undefined = false
        defer {
            if !undefined {
                cleanUp(name) {
                    if try pool.isActive() { try pool.destroy() }
                    try pool.undefine()
                }
            }
        }

        try pool.start()
        try pool.destroy()
        try pool.undefine()
        undefined = true

        let expected: [LibvirtEvent.PoolEvent] = [.defined, .started, .stopped, .undefined]
        await log.wait(for: expected.count, about: name)
        #expect(log.events(about: name) == expected.map { .storagePool(name: name, event: $0) })
    }
}
