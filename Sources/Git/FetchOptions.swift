/// How to authenticate to a remote and how to trust an SSH server, for `clone` and `fetch`.
///
/// Fetches are always full: libgit2 1.5 (Debian 12's) has no shallow fetch; `depth` arrived in 1.7.
/// Tags are always fetched (all of them, moved ones force-updated), and branches deleted on the
/// remote are pruned, so a ref that no longer exists stops resolving instead of going stale.
public struct FetchOptions: Sendable {
    /// The credential offered when the server asks for one.
    public var credentials: Credentials

    /// Creates options; with `.none`, a server that asks for credentials fails the call.
    public init(credentials: Credentials = .none) {
        self.credentials = credentials
    }

    /// A credential: an HTTPS token or an SSH key. Secrets are taken as values: reading them from
    /// a file is the caller's business.
    public enum Credentials: Sendable {
        /// No credential: anonymous `file://`, `git://` or `http(s)://` access.
        case none
        /// HTTP basic authentication with a token as password.
        case token(HTTPSToken)
        /// SSH public-key authentication, with the server checked against a known_hosts file.
        case sshKey(SSHKey)
    }
}

/// A token sent as the password of HTTP basic authentication.
public struct HTTPSToken: Sendable {
    /// The user name the forge expects with a token: `"x-access-token"` (GitHub), `"oauth2"` (GitLab).
    public var username: String
    /// The token itself.
    public var token: String

    /// Creates a token credential; GitHub's user name by default.
    public init(username: String = "x-access-token", token: String) {
        self.username = username
        self.token = token
    }
}

/// An SSH key pair on disk and the known_hosts file that decides which servers to trust.
///
/// The server's host key must be listed, unhashed, in `knownHostsPath` under the host name of
/// the URL (`[host]:port` for a port other than 22); an unknown or changed key fails the call.
public struct SSHKey: Sendable {
    /// The user to log in as when the URL names none; `"git"` by default.
    public var username: String
    /// The private key file, e.g. `/etc/virtsync/deploy_key`.
    public var privateKeyPath: String
    /// The public key file; libssh2 derives it from the private key when nil.
    public var publicKeyPath: String?
    /// The private key's passphrase, if it has one.
    public var passphrase: String?
    /// The known_hosts file, in OpenSSH's format.
    public var knownHostsPath: String

    /// Creates an SSH key credential.
    public init(
        username: String = "git",
        privateKeyPath: String,
        publicKeyPath: String? = nil,
        passphrase: String? = nil,
        knownHostsPath: String
    ) {
        self.username = username
        self.privateKeyPath = privateKeyPath
        self.publicKeyPath = publicKeyPath
        self.passphrase = passphrase
        self.knownHostsPath = knownHostsPath
    }
}
