import Libvirt
import VirtsyncManifest
import VirtsyncPlan

/// A network step's operations, on one handle looked up once (or returned by `define`).
struct NetworkOperations {
    let connection: LibvirtConnection
    let id: ObjectID

    func run(_ operations: [Operation], _ progress: () -> Void) throws {
        var handle: LibvirtNetwork?
        func network() throws -> LibvirtNetwork {
            if let handle { return handle }
            guard let found = try connection.lookupNetwork(name: id.name) else { throw HostError.notFound(id) }
            handle = found
            return found
        }
        for operation in operations {
            switch operation {
            case .define(let xml): handle = try connection.defineNetwork(xml: xml)
            case .start: try network().start()
            case .stop: try network().destroy()
            case .setAutostart(let on): try network().setAutostart(on)
            case .updateDHCPHost(let add, let xml):
                let affect: DomainAffect = try network().isActive() ? [.live, .config] : [.config]
                try network().updateDHCPHost(add ? .add : .delete, hostXML: xml, affect: affect)
            case .undefine:
                try network().undefine()
                handle = nil
            default: throw UnsupportedOperation(operation: operation, kind: .network)
            }
            progress()
        }
    }
}
