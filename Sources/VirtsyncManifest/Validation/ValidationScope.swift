/// What the checks of every manifest share: what is declared, what the host has, where paths may point.
struct ValidationScope {
    let declared: Set<ObjectID>
    let hostObjects: Set<ObjectID>?
    let allowedPrefixes: [String]
    /// Set when a manifest used an object no manifest declares: only then can the host change a finding.
    let undeclaredUses = UndeclaredUses()

    /// An object the manifest uses must be declared, or be on the host. Without a host to ask, that is
    /// only a warning: `validate` in CI cannot know what the host has.
    func require(_ id: ObjectID, at field: String, in findings: inout Findings) {
        guard !declared.contains(id) else { return }
        undeclaredUses.found = true
        let subject = Self.describe(id)
        guard let hostObjects else {
            findings.warning(field, "\(subject) is not declared here; the host must have it")
            return
        }
        if !hostObjects.contains(id) {
            findings.error(field, "\(subject) is not declared by any manifest and does not exist on the host")
        }
    }

    /// A path an object reads or writes: absolute, normalised, and under an allowed prefix.
    func checkPath(_ path: String, at field: String, in findings: inout Findings) {
        if let problem = PathRule.problem(with: path, allowed: allowedPrefixes) { findings.error(field, problem) }
    }

    /// `network 'default'`, `pool 'default'`, `volume 'web1.qcow2' in pool 'default'`.
    static func describe(_ id: ObjectID) -> String {
        if let pool = id.pool { return "\(id.kind.noun) '\(id.name)' in pool '\(pool)'" }
        return "\(id.kind.noun) '\(id.name)'"
    }
}

/// Whether a validation met an object used but not declared (a class: the scope is shared by value).
final class UndeclaredUses {
    var found = false
}
