public import VirtsyncManifest

extension AgentConfig {
    /// What picks the manifests of this host: its name and labels against `metadata.hosts`.
    public var hostSelector: HostSelector { HostSelector(hostName: host.name, labels: host.labels) }

    /// The manifest directories inside a checkout at `root`: each of `paths` joined to it, `""` being
    /// the root itself. Already expanded and checked to stay inside the repository when parsed.
    public func manifestPaths(in root: String) -> [String] {
        let base = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        return paths.map { $0.isEmpty ? base : "\(base)/\($0)" }
    }
}
