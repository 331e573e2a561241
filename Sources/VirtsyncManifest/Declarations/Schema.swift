/// The members of one typed YAML mapping, in the order the reference lists them: decoding (allowed
/// keys, required members, typed reads) and the reference table's rows both come from this one list.
public struct Schema<Owner>: Sendable {
    public let members: [Member<Owner>]
    /// The owner with every default: members read from YAML overwrite it.
    let defaults: @Sendable () -> Owner
    /// Rules between members (either this or that, a default that depends on another member); false
    /// when the mapping cannot make an owner (already reported).
    let finish: @Sendable (inout Owner, MappingReader) -> Bool

    init(
        _ defaults: @escaping @Sendable () -> Owner,
        _ members: [Member<Owner>],
        finish: @escaping @Sendable (inout Owner, MappingReader) -> Bool = { _, _ in true }
    ) {
        self.defaults = defaults
        self.members = members
        self.finish = finish
        keys = members.map(\.key)
    }

    /// The members' keys, in order (kept: every decode of a mapping checks its keys against them).
    public let keys: [String]

    /// The owner a mapping describes, or nil after reporting why not. A member that cannot be read is
    /// reported and decoding goes on, so one pass finds every problem.
    func decode(_ field: Field) -> Owner? {
        guard let mapping = field.mapping(keys) else { return nil }
        var owner = defaults()
        var complete = true
        for member in members {
            if let value = mapping.optional(member.key) {
                if !member.read(value, &owner) && member.required { complete = false }
            } else if member.required {
                _ = mapping.required(member.key)
                complete = false
            }
        }
        // Rules between members run even when a member failed, so their problems are reported too.
        let finished = finish(&owner, mapping)
        return complete && finished ? owner : nil
    }

    /// The reference rows, each member's key under `prefix` (`devices.rngs[].`).
    public func rows(prefix: String = "") -> [ReferenceRow] {
        members.flatMap { member in
            guard let expanded = member.expanded else {
                return [
                    ReferenceRow(field: prefix + member.key, meaning: member.meaning, defaultText: member.defaultText)
                ]
            }
            return expanded.map { row in
                var row = row
                row.field = "\(prefix)\(member.key).\(row.field)"
                return row
            }
        }
    }
}

/// One row of a manifest reference table: field, meaning, default.
public struct ReferenceRow: Sendable, Hashable {
    public var field: String
    public var meaning: String
    public var defaultText: String

    public init(field: String, meaning: String, defaultText: String) {
        self.field = field
        self.meaning = meaning
        self.defaultText = defaultText
    }

    /// `` | `field` | meaning | default | ``.
    public var markdown: String { "| `\(field)` | \(meaning) | \(defaultText) |" }
}
