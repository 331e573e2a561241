internal import CGit2

extension GitRepository {
    /// Makes the work tree exactly the tree of commit `id` and detaches HEAD there.
    ///
    /// Forced: local edits to tracked files are overwritten and untracked files removed (ignored
    /// files stay), since the work tree is a copy of the remote, never a place to edit.
    public func checkout(_ id: ObjectID) throws(GitError) {
        try locked { () throws(GitError) in
            let strategy = GIT_CHECKOUT_FORCE.rawValue | GIT_CHECKOUT_REMOVE_UNTRACKED.rawValue
            try withCommit(id, checkoutStrategy: strategy) { commit, options throws(GitError) in
                try check("git_checkout_tree", git_checkout_tree(handle, commit, &options))
                var oid = id.oid
                try check("git_repository_set_head_detached", git_repository_set_head_detached(handle, &oid))
            }
        }
    }

    /// Calls `body` with commit `id` (freed when it returns) and checkout options set to `strategy`
    /// (`GIT_CHECKOUT_*` flags): what `checkout` and `export` share. Call it with the repository locked.
    func withCommit(
        _ id: ObjectID,
        checkoutStrategy strategy: UInt32,
        _ body: (OpaquePointer?, inout git_checkout_options) throws(GitError) -> Void
    ) throws(GitError) {
        var oid = id.oid
        var commit: OpaquePointer?
        try check("git_commit_lookup", git_commit_lookup(&commit, handle, &oid))
        defer { git_commit_free(commit) }
        var options = git_checkout_options()
        git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION))
        options.checkout_strategy = strategy
        try body(commit, &options)
    }
}
