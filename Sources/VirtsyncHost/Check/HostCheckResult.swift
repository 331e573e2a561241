/// One line of `virtsync check`: a host-readiness fact, how it stands, and the command that fixes it.
public struct HostCheckResult: Sendable, Hashable {
    /// `fail` makes `virtsync check` exit 1; `warn` is worth knowing but VMs can still run (e.g. under TCG).
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case pass, warn, fail
    }

    /// What was checked (`/dev/kvm`, `libvirtd`).
    public var name: String
    public var status: Status
    /// What was found, in the words of the seed's commands (`present, crw-rw---- root:kvm`).
    public var detail: String
    /// The seed's command that repairs a `warn` or `fail`; nil when there is nothing to do.
    public var fix: String?

    public init(name: String, status: Status, detail: String, fix: String? = nil) {
        self.name = name
        self.status = status
        self.detail = detail
        self.fix = fix
    }
}
