/// MAC addresses and UUIDs are case-insensitive to libvirt, which prints them in lower case.
public struct CaseInsensitiveEquivalence: EquivalenceRule {
    public init() {}

    public func applies(to path: String) -> Bool {
        path.hasSuffix("mac@address") || path == "uuid" || path.hasSuffix("host@mac")
    }

    public func equivalent(want: String, have: String) -> Bool { want.lowercased() == have.lowercased() }
}
