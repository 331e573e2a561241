/// Which virtsync this is: printed by `virtsync --version`, kept in the status file and exported as
/// `virtsync_build_info{version,revision}`, so a fleet's rollout of virtsync itself is one query away.
public enum BuildInfo {
    /// The release version; raised with every release that changes behaviour.
    public static let version = "0.6.0"

    /// The git commit built (12 hex digits), or `unknown` when built outside a git checkout.
    public static var revision: String { stampedRevision }

    /// `virtsync 0.6.0 (revision 1a2b3c4d5e6f)`.
    public static var description: String { "virtsync \(version) (revision \(revision))" }
}
