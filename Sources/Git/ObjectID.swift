internal import CGit2

/// A git object id (SHA-1), held as its 40 lowercase hex digits.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    /// The 40 lowercase hex digits.
    public let hex: String

    /// Accepts exactly 40 hex digits (either case); anything else gives nil.
    public init?(hex: String) {
        guard hex.utf8.count == 40, hex.allSatisfy(\.isHexDigit) else { return nil }
        self.hex = hex.lowercased()
    }

    init(_ oid: git_oid) {
        var oid = oid
        // GIT_OID_HEXSZ digits and a terminator.
        self.hex = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 41) { buffer in
            buffer.initialize(repeating: 0)
            git_oid_tostr(buffer.baseAddress, 41, &oid)
            return String(cString: buffer.baseAddress!)
        }
    }

    /// libgit2's binary form; always valid since `hex` is checked on the way in.
    var oid: git_oid {
        var oid = git_oid()
        _ = git_oid_fromstr(&oid, hex)
        return oid
    }

    /// The 40 hex digits.
    public var description: String { hex }

    /// The first seven hex digits, as `git log --oneline` shows them.
    public var short: String { String(hex.prefix(7)) }
}
