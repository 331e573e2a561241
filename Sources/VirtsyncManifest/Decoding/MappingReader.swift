package import Yams

/// A mapping whose keys are checked against the schema: unknown keys are reported (with a suggestion)
/// as soon as it is opened, and members are then read by name.
package struct MappingReader {
    package let field: Field
    private let members: [String: (keyMark: Mark?, value: Node)]

    /// Nil, after reporting, when the field is not a mapping. In a dialect that allows it (the agent's
    /// config), an empty value (`auth:`) reads as an empty mapping.
    init?(_ field: Field, allowed: [String], note: String? = nil) {
        self.field = field
        let dialect = field.state.dialect
        if dialect.emptyIsMapping, field.isNull {
            members = [:]
            return
        }
        guard let mapping = field.node.mapping else {
            let _: Void? = field.mismatch("a mapping")
            return nil
        }
        var members: [String: (keyMark: Mark?, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                let got = key.mapping == nil ? "list" : "mapping"
                field.state.error(at: key.mark, field.path, "expected a \(dialect.entry) name, got a \(got)")
                continue
            }
            guard allowed.contains(name) else {
                let path = field.path.isEmpty ? name : "\(field.path).\(name)"
                let hint =
                    Suggestion.closest(to: name, in: allowed).map { "; did you mean '\($0)'?" }
                    ?? note.map { "; \($0)" } ?? "; expected one of \(allowed.joined(separator: ", "))"
                field.state.error(at: key.mark, path, "unknown \(dialect.entry)\(hint)")
                continue
            }
            members[name] = (key.mark, value)
        }
        self.members = members
    }

    package func has(_ key: String) -> Bool { members[key] != nil }

    package func optional(_ key: String) -> Field? {
        members[key].map { field.member(key, keyMark: $0.keyMark, node: $0.value) }
    }

    /// The member, or nil after reporting it missing at the key that holds this mapping.
    package func required(_ key: String) -> Field? {
        if let member = optional(key) { return member }
        let path = field.path.isEmpty ? key : "\(field.path).\(key)"
        field.state.error(at: field.anchor, path, "required \(field.state.dialect.entry) is missing")
        return nil
    }
}
