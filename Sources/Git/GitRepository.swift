internal import CGit2
internal import Synchronization

/// A git repository with a work tree (`git_repository*`), freed when the last reference goes.
///
/// The layout is a plain non-bare clone: `clone` checks out the remote's default branch, then
/// `checkout` puts any fetched commit in the work tree with a detached HEAD, so the caller reads the
/// files of that revision straight from `workingDirectory`. Every call is synchronous and blocks
/// (a fetch for as long as the network takes).
// @unchecked Sendable: libgit2 forbids concurrent use of one git_repository, so every call that
// touches the handle holds `lock`; the handle itself is set once and freed only in deinit. libgit2's
// last error is thread-local and read by `check` on the calling thread, inside the lock. `fetchURLs` is
// read and written only inside the lock too.
public final class GitRepository: @unchecked Sendable {
    let handle: OpaquePointer
    private let lock = Mutex(())
    /// Per remote: its configured URL and the URL it fetches from after `url.*.insteadOf` (see `fetch`).
    var fetchURLs: [String: (configured: String, effective: String)] = [:]

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        git_repository_free(handle)
    }

    /// Opens an existing repository at `path` (its work tree or its `.git` directory).
    public static func open(path: String) throws(GitError) -> GitRepository {
        try started()
        var handle: OpaquePointer?
        try check("git_repository_open", git_repository_open(&handle, path))
        return GitRepository(handle: handle!)
    }

    /// Clones `url` into `path` (which must not exist or be empty), fetching every branch and tag
    /// and checking out the remote's default branch. Full clone: see `FetchOptions` on depth.
    public static func clone(
        url: String,
        to path: String,
        options: FetchOptions = .init()
    ) throws(GitError) -> GitRepository {
        try started()
        var handle: OpaquePointer?
        try RemoteCallbacks(options: options, url: url).run("git_clone") { callbacks in
            var cloneOptions = git_clone_options()
            git_clone_options_init(&cloneOptions, UInt32(GIT_CLONE_OPTIONS_VERSION))
            cloneOptions.fetch_opts.callbacks = callbacks
            cloneOptions.fetch_opts.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL
            return git_clone(&handle, url, path, &cloneOptions)
        }
        return GitRepository(handle: handle!)
    }

    /// The work tree's path, ending in `/`; nil for a bare repository.
    public var workingDirectory: String? {
        locked { git_repository_workdir(handle).map { String(cString: $0) } }
    }

    /// The commit HEAD points at; nil in a repository with no commit yet.
    public func head() -> ObjectID? {
        locked {
            var oid = git_oid()
            guard git_reference_name_to_id(&oid, handle, "HEAD") == 0 else {
                git_error_clear()
                return nil
            }
            return ObjectID(oid)
        }
    }

    /// Runs `body` with the handle to itself; see the note on Sendable.
    func locked<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        try lock.withLock { _ throws(Failure) in try body() }
    }

    static func started() throws(GitError) {
        guard GitRuntime.ready >= 0 else {
            throw .own("git_libgit2_init", GIT_ERROR, GIT_ERROR_NONE, "libgit2 failed to initialise")
        }
    }
}
