internal import CIsofs

/// A libisofs call that failed, with its (negative) return code and libisofs's own text for it.
public struct IsofsError: Error, Sendable, Hashable, CustomStringConvertible {
    public var function: String
    public var code: Int32

    public var description: String {
        let text = iso_error_to_msg(code).map { String(cString: $0) } ?? "unknown error"
        return "\(function) failed: \(text) (\(code))"
    }

    /// libisofs returns a negative number on failure and 0 or more on success.
    static func check(_ function: String, _ status: Int32) throws(IsofsError) {
        guard status >= 0 else { throw IsofsError(function: function, code: status) }
    }
}
