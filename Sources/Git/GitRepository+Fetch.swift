internal import CGit2

extension GitRepository {
    /// What `fetch` asks for by default: every branch as `refs/remotes/<remote>/…` and every tag,
    /// both force-updated so a force-push or a moved tag is seen as it is on the server.
    public static func defaultRefspecs(remote: String = "origin") -> [String] {
        ["+refs/heads/*:refs/remotes/\(remote)/*", "+refs/tags/*:refs/tags/*"]
    }

    /// Fetches from a remote, pruning refs deleted there; the work tree and HEAD are not touched.
    ///
    /// Always a full fetch: libgit2 1.5 cannot fetch shallow (depth came with 1.7).
    public func fetch(
        remote name: String = "origin",
        refspecs: [String]? = nil,
        options: FetchOptions = .init()
    ) throws(GitError) {
        try locked { () throws(GitError) in
            var remote: OpaquePointer?
            try check("git_remote_lookup", git_remote_lookup(&remote, handle, name))
            defer { git_remote_free(remote) }
            let url = git_remote_url(remote).map { String(cString: $0) } ?? name
            let specs = refspecs ?? Self.defaultRefspecs(remote: name)
            try RemoteCallbacks(options: options, url: url).run("git_remote_fetch") { callbacks in
                var fetchOptions = git_fetch_options()
                git_fetch_options_init(&fetchOptions, UInt32(GIT_FETCH_OPTIONS_VERSION))
                fetchOptions.callbacks = callbacks
                fetchOptions.prune = GIT_FETCH_PRUNE
                fetchOptions.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL
                return withStrArray(specs) { array in git_remote_fetch(remote, array, &fetchOptions, "fetch") }
            }
        }
    }
}
