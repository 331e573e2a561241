/// A pool's directory mode is an octal number: `711`, `0711` and `00711` are one mode.
public struct OctalModeEquivalence: EquivalenceRule {
    public init() {}

    public func applies(to path: String) -> Bool { path.hasSuffix("permissions/mode") }

    public func equivalent(want: String, have: String) -> Bool {
        guard let lhs = Int(want, radix: 8), let rhs = Int(have, radix: 8) else { return false }
        return lhs == rhs
    }
}
