/// Where a disk, ISO or image may point: an absolute, normalised path under an allowed directory.
///
/// Purely textual: no I/O, no symlinks followed. Normalised means no `.`/`..` components and no `//`,
/// so a prefix test on whole components cannot be escaped.
enum PathRule {
    static func problem(with path: String, allowed: [String]) -> String? {
        if let problem = shapeProblem(with: path) { return problem }
        var prefixes: [String] = []
        for prefix in allowed.map({ $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 })
        where !prefixes.contains(prefix) {
            prefixes.append(prefix)
        }
        if prefixes.contains(where: { isUnder(path, $0) }) { return nil }
        return "path '\(path)' is outside the allowed prefixes (\(prefixes.joined(separator: ", ")))"
    }

    /// Absolute and normalised, with no prefix test (a pool's own target path).
    static func shapeProblem(with path: String) -> String? {
        guard path.hasPrefix("/") else { return "path '\(path)' must be absolute" }
        let components = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return "path '\(path)' must be normalised (no '.', '..', '//' or trailing '/')"
        }
        return nil
    }

    static func isUnder(_ path: String, _ prefix: String) -> Bool {
        prefix == "/" || path == prefix || path.hasPrefix(prefix + "/")
    }
}
