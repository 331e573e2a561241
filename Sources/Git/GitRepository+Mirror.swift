internal import CGit2

extension GitRepository {
    /// Opens the bare repository at `path`, or makes one there with `url` as its `origin`: a store of
    /// objects and refs that has no work tree to keep in step, so it can fetch refs of any name and
    /// check out any commit elsewhere (`export(_:to:)`) without touching another clone of the same URL.
    public static func openOrInitBare(path: String, url: String) throws(GitError) -> GitRepository {
        if let opened = try? open(path: path) { return opened }
        try started()
        var handle: OpaquePointer?
        try check("git_repository_init", git_repository_init(&handle, path, 1))
        let repository = GitRepository(handle: handle!)
        try repository.locked { () throws(GitError) in
            var remote: OpaquePointer?
            try check("git_remote_create", git_remote_create(&remote, repository.handle, "origin", url))
            git_remote_free(remote)
        }
        return repository
    }

    /// The local refs whose full names match `glob` (`refs/pull/*/head`; `*` also spans `/`), each with
    /// the commit it leads to; refs that lead to no commit are left out.
    public func references(matching glob: String) throws(GitError) -> [String: ObjectID] {
        try locked { () throws(GitError) in
            var iterator: OpaquePointer?
            try check("git_reference_iterator_glob_new", git_reference_iterator_glob_new(&iterator, handle, glob))
            defer { git_reference_iterator_free(iterator) }
            var found: [String: ObjectID] = [:]
            while true {
                var reference: OpaquePointer?
                let next = git_reference_next(&reference, iterator)
                if next == GIT_ITEROVER.rawValue {
                    git_error_clear()
                    break
                }
                try check("git_reference_next", next)
                defer { git_reference_free(reference) }
                let name = String(cString: git_reference_name(reference))
                var commit: OpaquePointer?
                guard git_reference_peel(&commit, reference, GIT_OBJECT_COMMIT) == 0 else {
                    git_error_clear()
                    continue
                }
                found[name] = ObjectID(git_object_id(commit).pointee)
                git_object_free(commit)
            }
            return found
        }
    }

    /// Writes the tree of commit `id` into `directory` (which the caller makes, empty), leaving HEAD,
    /// the index and any work tree alone: a bare repository's way to read one revision's files.
    public func export(_ id: ObjectID, to directory: String) throws(GitError) {
        try locked { () throws(GitError) in
            // Against an empty baseline every file of the tree is written, whatever HEAD says.
            let strategy = GIT_CHECKOUT_FORCE.rawValue | GIT_CHECKOUT_DONT_UPDATE_INDEX.rawValue
            try withCommit(id, checkoutStrategy: strategy) { commit, options throws(GitError) in
                var empty: OpaquePointer?
                try check("git_tree_lookup", Self.emptyTree(handle, &empty))
                defer { git_tree_free(empty) }
                options.baseline = empty
                let result = directory.withCString { path in
                    options.target_directory = path
                    return git_checkout_tree(handle, commit, &options)
                }
                try check("git_checkout_tree", result)
            }
        }
    }

    /// The empty tree, written into the object database if it is not there yet.
    private static func emptyTree(_ handle: OpaquePointer, _ tree: inout OpaquePointer?) -> Int32 {
        var builder: OpaquePointer?
        guard git_treebuilder_new(&builder, handle, nil) == 0 else { return -1 }
        defer { git_treebuilder_free(builder) }
        var oid = git_oid()
        guard git_treebuilder_write(&oid, builder) == 0 else { return -1 }
        return git_tree_lookup(&tree, handle, &oid)
    }
}
