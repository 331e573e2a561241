internal import CGit2

/// A failed libgit2 call: which operation failed and libgit2's own account of why.
///
/// Built by the error funnel (`Check`) from `git_error_last()`, read on the failing thread right
/// after the call, so `message` is libgit2's text. A few errors are this module's own (a ref that
/// names nothing, a refused host key); their message says so plainly and `klass` tells where.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The libgit2 function or step that failed, e.g. `"git_remote_fetch"`.
    public var operation: String
    /// libgit2's `git_error_code` (`GIT_ENOTFOUND`, `GIT_EAUTH`, …); `.generic` for a generic error.
    public var code: GitErrorCode
    /// libgit2's error class (`git_error_t`: `GIT_ERROR_NET` is 12, `GIT_ERROR_SSH` 23, …); 0 when none.
    public var klass: Int32
    /// libgit2's own message, or this module's for the errors it raises itself.
    public var message: String

    /// Creates an error; the funnel fills it from `git_error_last()`.
    public init(operation: String, code: GitErrorCode, klass: Int32, message: String) {
        self.operation = operation
        self.code = code
        self.klass = klass
        self.message = message
    }

    /// Whether the object looked for does not exist (`GIT_ENOTFOUND`).
    public var isNotFound: Bool {
        code == .notFound
    }

    /// `"<message> (<operation>, code <code>, class <klass>)"`.
    public var description: String {
        "\(message) (\(operation), code \(code), class \(klass))"
    }
}

extension GitError {
    /// An error this module raises itself, classed like libgit2's so callers can treat both alike.
    static func own(_ operation: String, _ code: git_error_code, _ klass: git_error_t, _ message: String) -> GitError {
        GitError(operation: operation, code: GitErrorCode(code), klass: Int32(klass.rawValue), message: message)
    }
}
