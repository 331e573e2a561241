import Libvirt
import VirtsyncManifest
import VirtsyncPlan

/// A domain step's operations, on one handle looked up once (or returned by `define`).
struct DomainOperations {
    let connection: LibvirtConnection
    let stopper: DomainStopper
    let id: ObjectID

    func run(_ operations: [Operation], _ progress: () -> Void) throws {
        var handle: LibvirtDomain?
        func domain() throws -> LibvirtDomain {
            if let handle { return handle }
            guard let found = try connection.lookupDomain(name: id.name) else { throw HostError.notFound(id) }
            handle = found
            return found
        }
        for operation in operations {
            switch operation {
            case .define(let xml): handle = try connection.defineDomain(xml: xml)
            case .start: try domain().start()
            case .suspend: try domain().suspend()
            case .resume: try domain().resume()
            case .shutdown(let timeout): try stopper.stop(domain(), timeoutSeconds: timeout)
            case .setAutostart(let on): try domain().setAutostart(on)
            case .setMemoryLive(let kib): try domain().setMemory(kibibytes: kib, affect: .live)
            case .setVcpusLive(let count): try domain().setVcpus(count, affect: .live)
            case .attachDeviceLive(let xml): try domain().attachDevice(xml: xml, affect: .live)
            case .undefine:
                try domain().undefine()
                handle = nil
            default: throw UnsupportedOperation(operation: operation, kind: .domain)
            }
            progress()
        }
    }
}
