/// Which names may reach libvirt XML and the file system: a conservative subset every driver accepts.
enum NameRule {
    static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")

    /// Domains, networks and pools: 1–63 of `[A-Za-z0-9._-]`, not starting with `-` or `.`; volumes may be
    /// up to 255 (they are file names, so never with `/`, which the character set already excludes).
    static func problem(with name: String, kind: ManifestKind) -> String? {
        let limit = kind == .volume ? 255 : 63
        let valid =
            (1...limit).contains(name.count) && name.allSatisfy(allowed.contains)
            && !name.hasPrefix("-") && !name.hasPrefix(".")
        if valid { return nil }
        return "invalid \(kind.rawValue) name '\(name)': use 1 to \(limit) characters of A-Z a-z 0-9 . _ -, "
            + "not starting with '-' or '.'"
    }
}
