internal import CGit2

/// The one funnel for libgit2 failures: returns a status, throwing the last error when it is negative.
///
/// libgit2 keeps its last error per thread, and a later failing call replaces it. So it must be read
/// on the failing thread before any other libgit2 call, including a `git_*_free` run by a Swift
/// `deinit`: callers pass the C call's result straight in, and the funnel is `@inline(never)` so
/// nothing the optimiser moves can slip in between.
@inline(never) @discardableResult
func check(_ operation: String, _ result: Int32) throws(GitError) -> Int32 {
    guard result < 0 else { return result }
    throw lastGitError(operation, code: result)
}

/// Copies the thread's last error (libgit2 owns it: never freed here), then clears it so a later
/// failure that sets none cannot be blamed on this one.
func lastGitError(_ operation: String, code: Int32) -> GitError {
    defer { git_error_clear() }
    guard let error = git_error_last() else {
        return GitError(
            operation: operation,
            code: GitErrorCode(rawValue: code),
            klass: 0,
            message: "libgit2 reported no error"
        )
    }
    let message = error.pointee.message.map { String(cString: $0) } ?? "libgit2 gave no message"
    return GitError(
        operation: operation,
        code: GitErrorCode(rawValue: code),
        klass: error.pointee.klass,
        message: message
    )
}
