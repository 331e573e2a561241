/// A libvirt storage pool (seed 3.3): `kind: StoragePool`.
public struct StoragePoolSpec: Sendable, Hashable {
    /// Pool backends. Only `dir` is rendered today; the others parse so manifests can name them,
    /// and are refused by validation until their `source` is modelled.
    public enum PoolType: String, Sendable, Hashable, CaseIterable {
        case dir, logical, netfs, rbd
    }

    /// `<target><permissions>`: octal mode and numeric owner / group of the pool directory.
    public struct Permissions: Sendable, Hashable {
        public var mode: String?
        public var owner: Int?
        public var group: Int?
        public init(mode: String? = nil, owner: Int? = nil, group: Int? = nil) {
            self.mode = mode
            self.owner = owner
            self.group = group
        }
    }

    public var type: PoolType
    public var uuid: String?
    /// The directory (for `dir`) that holds the volumes.
    public var targetPath: String
    public var permissions: Permissions?
    /// `pool-build` when the pool is created (makes the directory).
    public var build: Bool
    public var active: Bool?
    public var autostart: Bool?

    public init(
        type: PoolType = .dir,
        uuid: String? = nil,
        targetPath: String,
        permissions: Permissions? = nil,
        build: Bool = true,
        active: Bool? = true,
        autostart: Bool? = true
    ) {
        self.type = type
        self.uuid = uuid
        self.targetPath = targetPath
        self.permissions = permissions
        self.build = build
        self.active = active
        self.autostart = autostart
    }
}
