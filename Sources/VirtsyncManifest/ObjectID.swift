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

    /// Reads the form `description` prints (`domain/web1`, `pool/default`, `volume/default/web1.qcow2`);
    /// nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let kind = ManifestKind.allCases.first(where: { $0.noun == parts.first }) else { return nil }
        switch (kind, parts.count) {
        case (.volume, 3) where !parts[1].isEmpty && !parts[2].isEmpty: self.init(.volume, parts[2], pool: parts[1])
        case (.volume, _): return nil
        case (_, 2) where !parts[1].isEmpty: self.init(kind, parts[1])
        default: return nil
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.kind.applyRank, lhs.pool ?? "", lhs.name) < (rhs.kind.applyRank, rhs.pool ?? "", rhs.name)
    }
}
