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

        public init(
            id: ObjectID, deletionPolicy: VolumeSpec.DeletionPolicy? = nil, manifest: String? = nil,
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
    public var entries: [Entry]

    public init(uri: String, entries: [Entry] = []) {
        self.version = 1
        self.uri = uri
        self.entries = entries
    }

    public func contains(_ id: ObjectID) -> Bool { entries.contains { $0.id == id } }
    public func entry(_ id: ObjectID) -> Entry? { entries.first { $0.id == id } }

    /// Adds or refreshes an entry, keeping the list sorted so the file is stable.
    public mutating func record(_ entry: Entry) {
        entries.removeAll { $0.id == entry.id }
        entries.append(entry)
        entries.sort { $0.id < $1.id }
    }

    public mutating func remove(_ id: ObjectID) { entries.removeAll { $0.id == id } }
}
