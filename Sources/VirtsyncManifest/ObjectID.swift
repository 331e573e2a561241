/// The identity of a libvirt object: its kind and name, and for a volume, its pool.
public struct ObjectID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var kind: ManifestKind
    public var name: String
    /// The pool a volume lives in; nil for every other kind.
    public var pool: String?

    public init(_ kind: ManifestKind, _ name: String, pool: String? = nil) {
        self.kind = kind
        self.name = name
        self.pool = pool
    }

    /// `domain/web1`, `volume/default/web1.qcow2`.
    public var description: String {
        if let pool { return "\(kind.noun)/\(pool)/\(name)" }
        return "\(kind.noun)/\(name)"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.kind.applyRank, lhs.pool ?? "", lhs.name) < (rhs.kind.applyRank, rhs.pool ?? "", rhs.name)
    }
}
