internal import CGit2

/// libgit2's `git_error_code` (`GIT_E*` in `git2/errors.h`): what went wrong, by number.
///
/// The names virtsync acts on or tests for, in one place; each takes its value from libgit2's own
/// header. A code without a name here still compares by `rawValue`.
public struct GitErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    init(_ code: git_error_code) { rawValue = code.rawValue }

    /// `GIT_ERROR` (-1): a generic error.
    public static let generic = GitErrorCode(GIT_ERROR)
    /// `GIT_ENOTFOUND` (-3): the object or ref looked for does not exist.
    public static let notFound = GitErrorCode(GIT_ENOTFOUND)
    /// `GIT_EAUTH` (-16): authentication failed, or no credentials fit.
    public static let authentication = GitErrorCode(GIT_EAUTH)
    /// `GIT_ECERTIFICATE` (-17): the server's certificate or SSH host key is refused.
    public static let certificate = GitErrorCode(GIT_ECERTIFICATE)

    /// The number, as libgit2 documents it.
    public var description: String { String(rawValue) }
}
