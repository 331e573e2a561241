/// The syslog levels journald's `PRIORITY` field takes, most severe first.
public enum JournalPriority: Int, Sendable, CaseIterable {
    case emergency = 0
    case alert = 1
    case critical = 2
    case error = 3
    case warning = 4
    case notice = 5
    case info = 6
    case debug = 7

    /// The `("PRIORITY", "<level>")` field for `Journal.send`.
    public var field: (String, String) {
        ("PRIORITY", String(rawValue))
    }
}
