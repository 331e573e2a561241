/// A storage volume in a pool (seed 4.1 `--disk size=20`): `kind: Volume`, `metadata.name` is the volume name.
public struct VolumeSpec: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable, CaseIterable { case qcow2, raw }

    /// Whether prune may delete the volume once its manifest leaves git. Data is kept unless asked.
    public enum DeletionPolicy: String, Sendable, Hashable, Codable, CaseIterable {
        case retain = "Retain"
        case delete = "Delete"
    }

    /// A base image for copy-on-write (`<backingStore>`).
    public struct BackingStore: Sendable, Hashable {
        public var path: String
        public var format: Format
        public init(path: String, format: Format) {
            self.path = path
            self.format = format
        }
    }

    /// An image to copy the new volume's contents from (`virStorageVolCreateXMLFrom`): a path on the host.
    public struct CopySource: Sendable, Hashable {
        public var path: String
        public init(path: String) { self.path = path }
    }

    public var pool: String
    public var capacity: ByteSize
    public var format: Format
    public var backingStore: BackingStore?
    public var source: CopySource?
    public var deletionPolicy: DeletionPolicy

    public init(
        pool: String, capacity: ByteSize, format: Format = .qcow2, backingStore: BackingStore? = nil,
        source: CopySource? = nil, deletionPolicy: DeletionPolicy = .retain
    ) {
        self.pool = pool
        self.capacity = capacity
        self.format = format
        self.backingStore = backingStore
        self.source = source
        self.deletionPolicy = deletionPolicy
    }
}
