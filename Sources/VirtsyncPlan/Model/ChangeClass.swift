/// What applying a step does to an object, shown before anything is applied so a reviewer sees which
/// VMs would reboot and which data would go.
public enum ChangeClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// The object does not exist yet.
    case create
    /// Changed in place without a restart: live where libvirt can (memory balloon, vCPUs, disk growth,
    /// DHCP hosts), else a redefine of a stopped object, or power state and autostart.
    case update
    /// The persistent definition is (or will be) updated, but a running domain or active network keeps
    /// its old configuration until restarted; `restartPolicy: Graceful` lets the agent restart a domain.
    case pendingRestart = "pending-restart"
    /// Undefined and defined again (its UUID changed); a running domain is shut down first.
    case replace
    /// Removed by prune (a volume only with `deletionPolicy: Delete`).
    case destroy
    /// Left git but kept on the host (a volume with `deletionPolicy: Retain`): only forgotten.
    case release
    /// Not applied, with the reason: unmanaged name clash, volume shrink, format change.
    case refused
}
