internal import CGit2
public import Foundation

extension GitRepository {
    /// A commit's signature (the `gpgsig` header, which holds SSH signatures too) and the exact bytes
    /// it signs (the commit object without that header); nil when the commit is unsigned.
    ///
    /// Checking the signature is left to the tools that own the crypto (`ssh-keygen`, `gpgv`).
    public func commitSignature(_ id: ObjectID) throws(GitError) -> (signature: Data, signedData: Data)? {
        try locked { () throws(GitError) in
            var signature = git_buf()
            var signedData = git_buf()
            defer {
                git_buf_dispose(&signature)
                git_buf_dispose(&signedData)
            }
            var oid = id.oid
            // The extraction answers GIT_ENOTFOUND for a missing commit too: look it up first so only
            // "no signature" reads as unsigned.
            var commit: OpaquePointer?
            try check("git_commit_lookup", git_commit_lookup(&commit, handle, &oid))
            git_commit_free(commit)
            let found = git_commit_extract_signature(&signature, &signedData, handle, &oid, nil)
            if found == GIT_ENOTFOUND.rawValue {
                git_error_clear()
                return nil
            }
            try check("git_commit_extract_signature", found)
            return (Self.data(signature), Self.data(signedData))
        }
    }

    private static func data(_ buffer: git_buf) -> Data {
        guard let bytes = buffer.ptr else { return Data() }
        return Data(bytes: bytes, count: buffer.size)
    }
}
