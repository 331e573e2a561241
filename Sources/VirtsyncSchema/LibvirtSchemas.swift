import Foundation
public import LibXML2
public import VirtsyncManifest

/// libvirt's RelaxNG schemas, as the runtime package libvirt0 installs them, each parsed once per process.
///
/// `VIRTSYNC_SCHEMA_DIR` points elsewhere (a CI runner with the schemas copied); by default
/// `/usr/share/libvirt/schemas`.
public enum LibvirtSchemas {
    /// The file that describes each kind's document.
    public static func fileName(of kind: ManifestKind) -> String {
        switch kind {
        case .domain: "domain.rng"
        case .network: "network.rng"
        case .storagePool: "storagepool.rng"
        case .volume: "storagevol.rng"
        }
    }

    public static var directory: String {
        ProcessInfo.processInfo.environment["VIRTSYNC_SCHEMA_DIR"] ?? "/usr/share/libvirt/schemas"
    }

    /// The parsed schema of a kind; parsed on first use, then shared.
    public static func schema(for kind: ManifestKind) -> Result<RelaxNGSchema, RelaxNGError> {
        switch kind {
        case .domain: domain
        case .network: network
        case .storagePool: storagePool
        case .volume: volume
        }
    }

    // Static lets: Swift runs each initialiser once, thread-safely, on first access.
    private static let domain = load(.domain)
    private static let network = load(.network)
    private static let storagePool = load(.storagePool)
    private static let volume = load(.volume)

    private static func load(_ kind: ManifestKind) -> Result<RelaxNGSchema, RelaxNGError> {
        let path = "\(directory)/\(fileName(of: kind))"
        guard FileManager.default.fileExists(atPath: path) else {
            return .failure(RelaxNGError(schema: path, message: "no such file (libvirt's schemas come with libvirt0)"))
        }
        return Result { () throws(RelaxNGError) in try RelaxNGSchema(path: path) }
    }
}
