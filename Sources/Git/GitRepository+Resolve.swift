internal import CGit2

extension GitRepository {
    /// The commit a revision names, looked up in this order:
    /// a full ref name (`refs/…`); a branch of `remote` (`refs/remotes/<remote>/<ref>`);
    /// a tag (`refs/tags/<ref>`, annotated tags peeled to their commit); a full or abbreviated
    /// (4 to 40 hex digits) commit id. Local branches are not consulted: after `fetch`, the
    /// remote-tracking branch is the truth.
    public func resolve(ref: String, remote: String = "origin") throws(GitError) -> ObjectID {
        try locked { () throws(GitError) in
            let names = ref.hasPrefix("refs/") ? [ref] : ["refs/remotes/\(remote)/\(ref)", "refs/tags/\(ref)"]
            for name in names {
                if let id = try peeledReference(name) { return id }
            }
            if (4...40).contains(ref.utf8.count), ref.allSatisfy(\.isHexDigit), let id = try commit(prefix: ref) {
                return id
            }
            throw .own(
                "resolve",
                GIT_ENOTFOUND,
                GIT_ERROR_REFERENCE,
                "no branch, tag or commit named '\(ref)' (looked for \(names.joined(separator: ", ")))"
            )
        }
    }

    /// Whether `ancestor` is reachable from `descendant` (a commit counts as its own ancestor).
    /// After a fetch, a new id that does not descend from the old one means history was rewritten.
    public func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws(GitError) -> Bool {
        guard ancestor != descendant else { return true }
        return try locked { () throws(GitError) in
            var ancestorOID = ancestor.oid
            var descendantOID = descendant.oid
            return try check("git_graph_descendant_of", git_graph_descendant_of(handle, &descendantOID, &ancestorOID))
                == 1
        }
    }

    /// The commit a reference leads to; nil when there is no such reference.
    private func peeledReference(_ name: String) throws(GitError) -> ObjectID? {
        var reference: OpaquePointer?
        let found = git_reference_lookup(&reference, handle, name)
        if found == GIT_ENOTFOUND.rawValue || found == GIT_EINVALIDSPEC.rawValue {
            git_error_clear()
            return nil
        }
        try check("git_reference_lookup", found)
        defer { git_reference_free(reference) }
        var commit: OpaquePointer?
        try check("git_reference_peel", git_reference_peel(&commit, reference, GIT_OBJECT_COMMIT))
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit).pointee)
    }

    /// The commit a (possibly abbreviated) id names; nil when no object has it. Ambiguity throws.
    private func commit(prefix: String) throws(GitError) -> ObjectID? {
        var oid = git_oid()
        try check("git_oid_fromstrn", git_oid_fromstrn(&oid, prefix, prefix.utf8.count))
        var object: OpaquePointer?
        let found = git_object_lookup_prefix(&object, handle, &oid, prefix.utf8.count, GIT_OBJECT_ANY)
        if found == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try check("git_object_lookup_prefix", found)
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check("git_object_peel", git_object_peel(&commit, object, GIT_OBJECT_COMMIT))
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit).pointee)
    }
}
