internal import CSystemd

/// Tells the service manager about the service's state (`Type=notify`): ready, status text, watchdog
/// keep-alives, stopping.
///
/// Every call goes through `sd_notify` to the socket named by `NOTIFY_SOCKET`. Outside a `Type=notify`
/// unit that variable is unset and every call does nothing and returns `false`. The environment is left
/// as it is, because the watchdog needs the socket for the whole life of the service.
public struct Notifier: Sendable {
    /// Creates a notifier; it holds no state, the socket is looked up on every call.
    public init() {}

    /// Sends `READY=1`: start-up is complete. Returns whether a notification socket was set.
    @discardableResult
    public func ready() throws(SystemdError) -> Bool {
        try notify("READY=1")
    }

    /// Sends `STATUS=<text>`, shown by `systemctl status`. Returns whether a notification socket was set.
    ///
    /// Newlines become spaces: the message is newline-separated assignments, so a newline in the text
    /// would end the status early and could pass for another assignment, such as `READY=1`.
    @discardableResult
    public func status(_ text: String) throws(SystemdError) -> Bool {
        let line = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" ? " " : $0 }))
        return try notify("STATUS=" + line)
    }

    /// Sends `WATCHDOG=1`, the keep-alive a unit with `WatchdogSec=` expects at least every
    /// `watchdogInterval()`. Returns whether a notification socket was set.
    @discardableResult
    public func watchdog() throws(SystemdError) -> Bool {
        try notify("WATCHDOG=1")
    }

    /// Sends `STOPPING=1`: shutdown has begun. Returns whether a notification socket was set.
    @discardableResult
    public func stopping() throws(SystemdError) -> Bool {
        try notify("STOPPING=1")
    }

    /// The watchdog timeout the service manager set for this process (`WATCHDOG_USEC`, when
    /// `WATCHDOG_PID` is unset or names this process), or nil when no watchdog is expected.
    /// Send `watchdog()` at about half this interval. A malformed variable throws `EINVAL`.
    public func watchdogInterval() throws(SystemdError) -> Duration? {
        var microseconds: UInt64 = 0
        let enabled = try SystemdError.check("sd_watchdog_enabled", sd_watchdog_enabled(0, &microseconds))
        return enabled > 0 ? .microseconds(microseconds) : nil
    }

    private func notify(_ state: String) throws(SystemdError) -> Bool {
        try SystemdError.check("sd_notify", sd_notify(0, state)) > 0
    }
}
