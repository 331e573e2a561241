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
            let url = try fetchURL(remote: name)
            // An in-memory remote that skips `url.*.insteadOf`: libgit2 1.5 leaks the regex match data of
            // every insteadOf lookup (about 0.1 MiB each; 0.25 MiB per fetch of a named remote, some
            // 400 MiB a day for an agent polling every 60 s). The rewrite is applied once, in fetchURL.
            var remote: OpaquePointer?
            var createOptions = git_remote_create_options()
            git_remote_create_options_init(&createOptions, UInt32(GIT_REMOTE_CREATE_OPTIONS_VERSION))
            createOptions.repository = handle
            createOptions.flags = UInt32(
                GIT_REMOTE_CREATE_SKIP_INSTEADOF.rawValue | GIT_REMOTE_CREATE_SKIP_DEFAULT_FETCHSPEC.rawValue
            )
            try check("git_remote_create_with_opts", git_remote_create_with_opts(&remote, url, &createOptions))
            defer { git_remote_free(remote) }
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

    /// The URL `name` fetches from, with the user's `url.*.insteadOf` rewrites applied. The remote is
    /// looked up (which rewrites it, and leaks) once per configured URL; the caller holds the lock.
    private func fetchURL(remote name: String) throws(GitError) -> String {
        let configured = configuredURL(remote: name)
        if let configured, let known = fetchURLs[name], known.configured == configured { return known.effective }
        // Also the path for a remote that does not exist: libgit2's lookup says so in its own words.
        var remote: OpaquePointer?
        try check("git_remote_lookup", git_remote_lookup(&remote, handle, name))
        defer { git_remote_free(remote) }
        let effective = git_remote_url(remote).map { String(cString: $0) } ?? name
        if let configured { fetchURLs[name] = (configured, effective) }
        return effective
    }

    /// `remote.NAME.url` as the repository's configuration says it (read by name: no regex, no leak).
    private func configuredURL(remote name: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0 else { return nil }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, config, "remote.\(name).url") == 0, let value else { return nil }
        return String(cString: value)
    }
}
