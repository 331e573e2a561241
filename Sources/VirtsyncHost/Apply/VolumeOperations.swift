import Libvirt
import VirtsyncImages
import VirtsyncManifest
import VirtsyncPlan

/// A volume step's operations: create (or copy), grow (online through the running domain), delete.
struct VolumeOperations {
    let connection: LibvirtConnection
    let id: ObjectID
    let images: ImageCache
    let progress: @Sendable (DownloadProgress) -> Void

    func run(_ operations: [Operation], _ progress: () -> Void) throws {
        let poolName = id.pool ?? ""
        guard let pool = try connection.lookupStoragePool(name: poolName) else {
            throw HostError.notFound(ObjectID(.storagePool, poolName))
        }
        func volume() throws -> LibvirtStorageVolume {
            guard let found = try pool.lookupVolume(name: id.name) else { throw HostError.notFound(id) }
            return found
        }
        for operation in operations {
            switch operation {
            case .createVolume(let xml, nil): _ = try pool.createVolume(xml: xml)
            case .createVolumeFromImage(let xml, let image):
                try ImageVolumeWriter(pool: pool, images: images, progress: self.progress).create(
                    xml: xml,
                    image: image
                )
            case .writeSeed(let xml, let seed):
                try ImageVolumeWriter(pool: pool, images: images, progress: self.progress).writeSeed(
                    xml: xml,
                    seed: seed
                )
            case .createVolume(let xml, let path?):
                guard let source = try connection.lookupVolume(path: path) else {
                    throw HostError.missing("source image \(path) (it must lie in a storage pool)")
                }
                _ = try pool.createVolume(xml: xml, from: source)
            case .growVolume(let bytes, let domainName?, let target?):
                guard let domain = try connection.lookupDomain(name: domainName) else {
                    throw HostError.notFound(ObjectID(.domain, domainName))
                }
                try domain.blockResize(disk: target, bytes: bytes)
            case .growVolume(let bytes, _, _): try volume().resize(capacity: bytes)
            case .deleteVolume: try volume().delete()
            default: throw UnsupportedOperation(operation: operation, kind: .volume)
            }
            progress()
        }
    }
}
