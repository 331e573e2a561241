#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A failed libsystemd call: which C function failed, the errno it returned and the C library's text for it.
///
/// libsystemd reports failure as a negative errno in the return value (it leaves `errno` alone), so the
/// funnel `check` reads the code from the result, never from the global.
public struct SystemdError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C function that failed, e.g. `"sd_journal_sendv"`.
    public var operation: String
    /// The errno value, positive (`ENOENT`, `ECONNREFUSED`, ...).
    public var errno: Int32
    /// `strerror(errno)`, or the reason virtsync refused the call before making it.
    public var message: String

    /// Creates an error; `message` defaults to the C library's text for `errno`.
    public init(operation: String, errno: Int32, message: String? = nil) {
        self.operation = operation
        self.errno = errno
        self.message = message ?? Self.text(for: errno)
    }

    /// `"<message> (<operation>, errno <errno>)"`.
    public var description: String {
        "\(message) (\(operation), errno \(errno))"
    }

    /// Passes a non-negative result through; turns a negative one into the error it stands for.
    @discardableResult
    static func check(_ operation: String, _ result: Int32) throws(SystemdError) -> Int32 {
        guard result < 0 else { return result }
        throw SystemdError(operation: operation, errno: -result)
    }

    private static func text(for code: Int32) -> String {
        // glibc's strerror returns static text for known codes and a thread-local buffer otherwise.
        strerror(code).map { String(cString: $0) } ?? "errno \(code)"
    }
}
