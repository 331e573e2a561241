internal import CGit2

/// The Swift side of libgit2's remote callbacks (credentials and certificate check) for one call.
///
/// libgit2 gets this object as an unretained payload: `run` keeps it alive across the C call with
/// `withExtendedLifetime`, so nothing is retained per callback and nothing leaks. A callback cannot
/// throw through C: it stores its error here and returns a failure code, and `run` rethrows the
/// stored error, which says more than libgit2's "callback returned -1".
final class RemoteCallbacks {
    let options: FetchOptions
    /// The remote URL, for the SSH port (libgit2 hands the certificate callback the host only).
    let url: String
    private var capturedError: GitError?
    private var credentialRequests = 0

    init(options: FetchOptions, url: String) {
        self.options = options
        self.url = url
    }

    /// Runs a libgit2 call with callbacks that reach this object; throws its captured error or libgit2's.
    func run(_ operation: String, _ call: (git_remote_callbacks) -> Int32) throws(GitError) {
        var callbacks = git_remote_callbacks()
        git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION))
        callbacks.credentials = { out, url, usernameFromURL, allowedTypes, payload in
            let this = Unmanaged<RemoteCallbacks>.fromOpaque(payload!).takeUnretainedValue()
            return this.credential(
                out,
                url.map { String(cString: $0) } ?? "",
                usernameFromURL.map { String(cString: $0) },
                allowedTypes
            )
        }
        callbacks.certificate_check = { cert, valid, host, payload in
            let this = Unmanaged<RemoteCallbacks>.fromOpaque(payload!).takeUnretainedValue()
            return this.certificate(cert, host.map { String(cString: $0) } ?? "")
        }
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        let result = withExtendedLifetime(self) { call(callbacks) }
        guard result < 0 else { return }
        if let capturedError {
            git_error_clear()
            throw capturedError
        }
        try check(operation, result)
    }

    /// Fails the C call with a Swift error to rethrow once it returns.
    private func fail(_ error: GitError) -> Int32 {
        capturedError = error
        return error.code.rawValue
    }

    private func credential(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?,
        _ url: String,
        _ usernameFromURL: String?,
        _ allowed: UInt32
    ) -> Int32 {
        // An SSH URL without a user first asks for the user name alone: not an attempt.
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0, case .sshKey(let key) = options.credentials {
            return git_credential_username_new(out, usernameFromURL ?? key.username)
        }
        // libgit2 asks again after a rejection; the same credential would only be rejected again.
        credentialRequests += 1
        guard credentialRequests == 1 else {
            return fail(.own("credentials", GIT_EAUTH, GIT_ERROR_NET, "the server rejected the credentials for \(url)"))
        }
        switch options.credentials {
        case .none:
            return fail(
                .own("credentials", GIT_EAUTH, GIT_ERROR_NET, "\(url) asks for credentials and none are configured")
            )
        case .token(let token):
            guard allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 else {
                return fail(.own("credentials", GIT_EAUTH, GIT_ERROR_NET, "\(url) does not accept a token"))
            }
            return git_credential_userpass_plaintext_new(out, token.username, token.token)
        case .sshKey(let key):
            let user = usernameFromURL ?? key.username
            guard allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 else {
                return fail(.own("credentials", GIT_EAUTH, GIT_ERROR_SSH, "\(url) does not accept an SSH key"))
            }
            return git_credential_ssh_key_new(out, user, key.publicKeyPath, key.privateKeyPath, key.passphrase)
        }
    }

    private func certificate(_ cert: UnsafeMutablePointer<git_cert>?, _ host: String) -> Int32 {
        // TLS: libgit2 has already checked the chain against the system's CAs; keep its verdict.
        guard let cert, cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else { return GIT_PASSTHROUGH.rawValue }
        guard case .sshKey(let sshKey) = options.credentials else {
            return fail(
                .own(
                    "ssh host key check",
                    GIT_ECERTIFICATE,
                    GIT_ERROR_SSH,
                    "no known_hosts file is configured for \(host): SSH needs an SSH key credential"
                )
            )
        }
        let hostkey = UnsafeRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self).pointee
        guard hostkey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostkey.hostkey else {
            return fail(
                .own("ssh host key check", GIT_ECERTIFICATE, GIT_ERROR_SSH, "libgit2 gave no raw host key for \(host)")
            )
        }
        let key = Array(UnsafeRawBufferPointer(start: raw, count: hostkey.hostkey_len))
        do {
            let knownHosts = try KnownHosts(path: sshKey.knownHostsPath)
            try knownHosts.check(host: host, port: KnownHosts.port(ofURL: url), key: key, path: sshKey.knownHostsPath)
            return 0
        } catch {
            return fail(error)
        }
    }
}
