internal import CGit2

extension KnownHosts {
    /// Accepts a trusted key; throws, with a message that says what to do, for any other.
    func check(host: String, port: Int, key: [UInt8], path: String) throws(GitError) {
        let name = Self.name(host: host, port: port)
        let type = Self.keyType(of: key)
        let message: String
        switch verdict(name: name, key: key) {
        case .trusted:
            return
        case .revoked:
            message = "the \(type) host key of \(name) is marked @revoked in \(path)"
        case .changed:
            message =
                "the \(type) host key of \(name) does not match the one in \(path): "
                + "the key was changed or someone is intercepting the connection"
        case .unknown:
            message =
                "\(name) has no \(type) host key in \(path): add it (ssh-keyscan -t \(type)"
                + (port == 22 ? "" : " -p \(port)") + " \(host) >> \(path)) after checking its fingerprint"
                + (hashedEntries > 0 ? "; hashed entries (|1|…) are not read, use unhashed ones" : "")
        }
        throw .own("ssh host key check", GIT_ECERTIFICATE, GIT_ERROR_SSH, message)
    }

    /// The port an SSH remote URL connects to: the one in `ssh://host:port/…`, else 22
    /// (scp-like `user@host:path` URLs cannot name a port).
    static func port(ofURL url: String) -> Int {
        let schemes = ["ssh://", "ssh+git://", "git+ssh://"]
        guard let scheme = schemes.first(where: { url.hasPrefix($0) }) else { return 22 }
        let authority = url.dropFirst(scheme.count).prefix { $0 != "/" }
        let hostPort = authority.split(separator: "@").last ?? authority[...]
        // `[::1]:2222` or `host:2222`: the port follows the last colon after any bracket.
        let afterBracket = hostPort.split(separator: "]", omittingEmptySubsequences: false).last ?? hostPort
        guard let colon = afterBracket.lastIndex(of: ":"),
            let port = Int(afterBracket[afterBracket.index(after: colon)...])
        else { return 22 }
        return port
    }
}
