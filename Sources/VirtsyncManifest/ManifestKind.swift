/// The four kinds of object virtsync manages, in the order they are created.
public enum ManifestKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case storagePool = "StoragePool"
    case volume = "Volume"
    case network = "Network"
    case domain = "Domain"

    /// Creation order: pools hold volumes, domains use volumes and networks. Destroys run in reverse.
    public var applyRank: Int {
        switch self {
        case .storagePool: 0
        case .volume: 1
        case .network: 2
        case .domain: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.applyRank < rhs.applyRank }

    /// Lower-case name used in plan output and object ids (`domain/web1`).
    public var noun: String {
        switch self {
        case .storagePool: "pool"
        case .volume: "volume"
        case .network: "network"
        case .domain: "domain"
        }
    }
}
