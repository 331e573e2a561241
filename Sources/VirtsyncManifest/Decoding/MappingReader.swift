internal import Yams

/// A mapping whose keys are checked against the schema: unknown keys are reported (with a suggestion)
/// as soon as it is opened, and members are then read by name.
struct MappingReader {
    let field: Field
    private let members: [String: (keyMark: Mark?, value: Node)]

    /// Nil, after reporting, when the field is not a mapping.
    init?(_ field: Field, allowed: [String], note: String? = nil) {
        guard let mapping = field.node.mapping else {
            let _: Void? = field.mismatch("a mapping")
            return nil
        }
        self.field = field
        var members: [String: (keyMark: Mark?, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                field.state.error(at: key.mark, field.path, "expected a field name, got a \(key.mapping == nil ? "list" : "mapping")")
                continue
            }
            guard allowed.contains(name) else {
                let path = field.path.isEmpty ? name : "\(field.path).\(name)"
                let hint = Suggestion.closest(to: name, in: allowed).map { "; did you mean '\($0)'?" }
                    ?? note.map { "; \($0)" } ?? "; expected one of \(allowed.joined(separator: ", "))"
                field.state.error(at: key.mark, path, "unknown field\(hint)")
                continue
            }
            members[name] = (key.mark, value)
        }
        self.members = members
    }

    func has(_ key: String) -> Bool { members[key] != nil }

    func optional(_ key: String) -> Field? {
        members[key].map { field.member(key, keyMark: $0.keyMark, node: $0.value) }
    }

    /// The member, or nil after reporting it missing at the key that holds this mapping.
    func required(_ key: String) -> Field? {
        if let member = optional(key) { return member }
        let path = field.path.isEmpty ? key : "\(field.path).\(key)"
        field.state.error(at: field.anchor, path, "required field is missing")
        return nil
    }
}
