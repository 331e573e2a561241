import Libvirt
import VirtsyncManifest
import VirtsyncPlan

/// A storage pool step's operations, on one handle looked up once (or returned by `define`).
struct PoolOperations {
    let connection: LibvirtConnection
    let id: ObjectID

    func run(_ operations: [Operation], _ progress: () -> Void) throws {
        var handle: LibvirtStoragePool?
        func pool() throws -> LibvirtStoragePool {
            if let handle { return handle }
            guard let found = try connection.lookupStoragePool(name: id.name) else { throw HostError.notFound(id) }
            handle = found
            return found
        }
        for operation in operations {
            switch operation {
            case .define(let xml): handle = try connection.defineStoragePool(xml: xml)
            case .build: try pool().build()
            case .start: try pool().start()
            case .stop: try pool().destroy()
            case .setAutostart(let on): try pool().setAutostart(on)
            case .undefine:
                try pool().undefine()
                handle = nil
            default: throw UnsupportedOperation(operation: operation, kind: .storagePool)
            }
            progress()
        }
    }
}
