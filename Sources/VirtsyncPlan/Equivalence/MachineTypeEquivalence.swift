/// libvirt expands a machine alias at define time: `pc` becomes `pc-i440fx-7.2`, `q35` becomes
/// `pc-q35-7.2` (QEMU 7.2 on Debian 12). A manifest that says `q35` is in sync with any versioned
/// q35 machine; a manifest that names an exact version must match exactly.
///
/// The match is on the alias's own expansion prefix, never a substring: `pc` does not equal `pc-q35-7.2`.
public struct MachineTypeEquivalence: EquivalenceRule {
    /// Alias → the prefix every expansion of it starts with.
    static let expansions: [String: String] = [
        "pc": "pc-i440fx-",
        "q35": "pc-q35-",
        "virt": "virt-",
    ]

    public init() {}

    public func applies(to path: String) -> Bool { path.hasSuffix("os/type@machine") }

    public func equivalent(want: String, have: String) -> Bool {
        guard let prefix = Self.expansions[want], have.hasPrefix(prefix) else { return false }
        let version = have.dropFirst(prefix.count)
        return !version.isEmpty && version.allSatisfy { $0.isNumber || $0 == "." }
    }
}
