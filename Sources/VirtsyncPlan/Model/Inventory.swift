public import VirtsyncManifest

/// The objects virtsync manages on one host, kept beside the status file (`inventory.json`).
///
/// Networks and pools of libvirt 9.0 have no metadata API, so this list is what says they are ours;
/// prune removes only objects listed here, and a volume only if its entry says `Delete`.
public struct Inventory: Sendable, Hashable, Codable {
    /// One managed object and how it may be removed.
    public struct Entry: Sendable, Hashable, Codable {
        public var id: ObjectID
        public var deletionPolicy: VolumeSpec.DeletionPolicy?
        /// The manifest file it came from, for reports.
        public var manifest: String?
        /// A domain's graceful-shutdown timeout, kept so prune honours it after the manifest is gone.
        public var shutdownTimeoutSeconds: Int?
        /// A cloud-init seed volume: the SHA-256 of the files it was written with, and its instance-id.
        public var seedDigest: String?
        public var seedInstanceID: String?

        public init(
            id: ObjectID,
            deletionPolicy: VolumeSpec.DeletionPolicy? = nil,
            manifest: String? = nil,
            shutdownTimeoutSeconds: Int? = nil
        ) {
            self.id = id
            self.deletionPolicy = deletionPolicy
            self.manifest = manifest
            self.shutdownTimeoutSeconds = shutdownTimeoutSeconds
        }
    }

    public var version: Int
    /// The libvirt URI the objects live behind.
    public var uri: String
    /// Keyed, so that recording or looking up one of thousands of objects costs no scan or sort.
    private var byID: [ObjectID: Entry]

    public init(uri: String, entries: [Entry] = []) {
        self.version = 1
        self.uri = uri
        self.byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The entries sorted by object, as the file lists them so that it stays stable.
    public var entries: [Entry] {
        get { byID.values.sorted { $0.id < $1.id } }
        set { byID = Dictionary(newValue.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last }) }
    }

    public var count: Int { byID.count }
    public var ids: Set<ObjectID> { Set(byID.keys) }
    public func contains(_ id: ObjectID) -> Bool { byID[id] != nil }
    public func entry(_ id: ObjectID) -> Entry? { byID[id] }

    /// Adds or refreshes an entry.
    public mutating func record(_ entry: Entry) { byID[entry.id] = entry }

    public mutating func remove(_ id: ObjectID) { byID[id] = nil }

    private enum CodingKeys: String, CodingKey { case version, uri, entries }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            uri: try container.decode(String.self, forKey: .uri),
            entries: try container.decode([Entry].self, forKey: .entries)
        )
        version = try container.decode(Int.self, forKey: .version)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(uri, forKey: .uri)
        try container.encode(entries, forKey: .entries)
    }
}
