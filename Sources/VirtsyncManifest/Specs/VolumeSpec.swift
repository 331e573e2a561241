/// A storage volume in a pool (seed 4.1 `--disk size=20`): `kind: Volume`, `metadata.name` is the volume name.
public struct VolumeSpec: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable, CaseIterable { case qcow2, raw }

    /// Whether prune may delete the volume once its manifest leaves git. Data is kept unless asked.
    public enum DeletionPolicy: String, Sendable, Hashable, Codable, CaseIterable {
        case retain = "Retain"
        case delete = "Delete"
    }

    /// A base image for copy-on-write (`<backingStore>`): a path, or a volume of a pool declared in git
    /// (`{volume: {pool, name}}`), whose path the loader fills in from the pool's target path.
    public struct BackingStore: Sendable, Hashable {
        public var path: String
        public var format: Format
        public var volume: VolumeReference?
        public init(path: String, format: Format, volume: VolumeReference? = nil) {
            self.path = path
            self.format = format
            self.volume = volume
        }
    }

    /// A volume named by its pool and name.
    public struct VolumeReference: Sendable, Hashable {
        public var pool: String
        public var name: String
        public init(pool: String, name: String) {
            self.pool = pool
            self.name = name
        }
        public var id: ObjectID { ObjectID(.volume, name, pool: pool) }
    }

    /// An image by URL (`source: {url, sha256, caFile}`): fetched once per host into the image cache,
    /// checked, decompressed when the URL ends in `.xz`, `.gz` or `.bz2`, and uploaded into the volume.
    /// The image cache takes this same value (`ImageRequest`).
    public struct ImageSource: Sendable, Hashable, Codable {
        /// `http://`, `https://` or `file://`.
        public var url: String
        /// Lower-case hex SHA-256 of the bytes at the URL (the compressed file, for `.xz`, `.gz`, `.bz2`),
        /// as distributions publish it.
        public var sha256: String
        /// PEM file of the certificate authorities to trust for `https://` instead of the system's.
        public var caFile: String?
        public init(url: String, sha256: String, caFile: String? = nil) {
            self.url = url
            self.sha256 = sha256.lowercased()
            self.caFile = caFile
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
    /// Contents from an image by URL (`source: {url, sha256}`), instead of a copy of a host volume.
    public var image: ImageSource?
    /// Set only on the seed volume the loader derives from a domain's `cloudInit`.
    public var seed: SeedSpec?
    public var deletionPolicy: DeletionPolicy

    public init(
        pool: String,
        capacity: ByteSize,
        format: Format = .qcow2,
        backingStore: BackingStore? = nil,
        source: CopySource? = nil,
        deletionPolicy: DeletionPolicy = .retain
    ) {
        self.pool = pool
        self.capacity = capacity
        self.format = format
        self.backingStore = backingStore
        self.source = source
        self.deletionPolicy = deletionPolicy
    }
}
