/// A manifest's `metadata`: the object's name and how it is selected and annotated.
public struct ObjectMeta: Sendable, Hashable, Codable {
    public var name: String
    /// Host selectors: a glob on the host name (`kvm-*`) or `key=value` on the host's labels. Empty: every host.
    public var hosts: [String]
    public var labels: [String: String]
    public var annotations: [String: String]

    public init(name: String, hosts: [String] = [], labels: [String: String] = [:], annotations: [String: String] = [:])
    {
        self.name = name
        self.hosts = hosts
        self.labels = labels
        self.annotations = annotations
    }

    /// `virtsync.io/suspend: "true"`: observe and report, never change.
    public var isSuspended: Bool { annotations["virtsync.io/suspend"] == "true" }
}
