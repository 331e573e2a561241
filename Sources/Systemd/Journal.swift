internal import CSystemd

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Writes structured entries to journald over its native protocol.
///
/// Each entry is a list of fields (`MESSAGE`, `PRIORITY`, `MESSAGE_ID`, `VIRTSYNC_*`). Values may hold
/// newlines: libsystemd switches such a field to the protocol's length-prefixed form by itself.
/// When no journald listens, libsystemd drops the entry and reports success: nothing here can detect that.
public enum Journal {
    /// Sends one entry made of `fields`, in order.
    ///
    /// Names are checked first, because journald silently drops a field whose name it does not accept:
    /// an invalid name throws `EINVAL` and sends nothing.
    public static func send(_ fields: [(String, String)]) throws(SystemdError) {
        guard !fields.isEmpty else {
            throw SystemdError(
                operation: "sd_journal_sendv",
                errno: EINVAL,
                message: "a journal entry needs at least one field"
            )
        }
        for (name, _) in fields {
            try JournalField.validate(name)
        }
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for (name, value) in fields {
            let start = bytes.count
            bytes += name.utf8
            bytes.append(UInt8(ascii: "="))
            bytes += value.utf8
            ranges.append(start..<bytes.count)
        }
        let result = bytes.withUnsafeMutableBytes { raw in
            // Every range holds at least "=", so the buffer is never empty and has a base address.
            let vectors = ranges.map { iovec(iov_base: raw.baseAddress! + $0.lowerBound, iov_len: $0.count) }
            return sd_journal_sendv(vectors, Int32(vectors.count))
        }
        try SystemdError.check("sd_journal_sendv", result)
    }
}
