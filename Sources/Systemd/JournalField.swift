#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// journald's rule for the names of fields a client may send.
enum JournalField {
    /// journald's limit on a field name's length.
    static let maximumLength = 64

    /// Throws `EINVAL` unless `name` is 1 to 64 of `A-Z`, `0-9` and `_`, not starting with a digit or `_`
    /// (a leading `_` marks the trusted fields journald adds itself).
    static func validate(_ name: String) throws(SystemdError) {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, scalars.count <= maximumLength,
            first != "_", !isDigit(first),
            scalars.allSatisfy({ isUppercase($0) || isDigit($0) || $0 == "_" })
        else {
            throw SystemdError(
                operation: "sd_journal_sendv",
                errno: EINVAL,
                message:
                    "invalid journal field name \"\(name)\": use 1 to 64 of A-Z, 0-9 and _, not starting with a digit or _"
            )
        }
    }

    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { ("A"..."Z").contains(scalar) }
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
