/// Decides which manifests apply to one host, from its name and labels.
///
/// A manifest's `metadata.hosts` lists selectors: `key=value` matches a label of the host exactly,
/// anything else is a glob on the host name (`*` any run of characters, `?` one character).
/// No selectors means every host; any one matching selects the manifest.
public struct HostSelector: Sendable, Hashable {
    public var hostName: String
    public var labels: [String: String]

    public init(hostName: String, labels: [String: String] = [:]) {
        self.hostName = hostName
        self.labels = labels
    }

    public func selects(_ manifest: Manifest) -> Bool { matches(manifest.metadata.hosts) }

    public func matches(_ selectors: [String]) -> Bool {
        selectors.isEmpty || selectors.contains(where: matches(selector:))
    }

    private func matches(selector: String) -> Bool {
        if let equals = selector.firstIndex(of: "=") {
            let key = String(selector[..<equals])
            let value = String(selector[selector.index(after: equals)...])
            return labels[key] == value
        }
        return Self.glob(selector, matches: hostName)
    }

    /// fnmatch without classes: `*` and `?`; everything else literal.
    public static func glob(_ pattern: String, matches name: String) -> Bool {
        let pattern = Array(pattern)
        let name = Array(name)
        var p = 0
        var n = 0
        var star: (pattern: Int, name: Int)?
        while n < name.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == name[n] {
                p += 1
                n += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = (p, n)
                p += 1
            } else if let last = star {
                // Let the last `*` swallow one more character and retry from there.
                star = (last.pattern, last.name + 1)
                p = last.pattern + 1
                n = last.name + 1
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
