/// A rule that says two spellings of one field mean the same to libvirt, so their difference is not drift.
///
/// Each rule is a small named type with a table test. Only what the QEMU driver adds on top of libvirt's
/// own parser is a rule: libvirt's spelling (hex addresses, units, the case of MACs and UUIDs, octal
/// modes, what it drops) comes from the round trip through its parser (`XMLCanonicalizer`). A rule
/// applies to a field path (attributes end in `@name`).
public protocol EquivalenceRule: Sendable {
    /// Whether the rule speaks for this field at all (`os/type@machine`).
    func applies(to path: String) -> Bool
    /// Whether `want` (what the manifest says) and `have` (what libvirt reports) mean the same.
    func equivalent(want: String, have: String) -> Bool
}

/// The rules the comparator consults, in order; the first that applies decides.
public struct EquivalenceRules: Sendable {
    public var rules: [any EquivalenceRule]

    public init(_ rules: [any EquivalenceRule]) { self.rules = rules }

    /// Every rule virtsync knows, for libvirt 9.0's QEMU driver. Memory from NUMA cells and a running VM's
    /// state need the whole document: `NumaMemoryEquivalence`, `RunningStateEquivalence`.
    public static let standard = EquivalenceRules([
        MachineTypeEquivalence()
    ])

    /// Exact equality unless a rule says otherwise.
    public func equivalent(path: String, want: String, have: String) -> Bool {
        if want == have { return true }
        guard let rule = rules.first(where: { $0.applies(to: path) }) else { return false }
        return rule.equivalent(want: want, have: have)
    }
}
