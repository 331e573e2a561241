public import Logging
import Systemd
public import VirtsyncReport

/// Sends one journald entry per agent event (see `AgentEvent.journalFields`).
///
/// An entry that cannot be sent is logged and dropped: the reconcile loop never waits on or fails
/// because of the journal. `reconciled` sends nothing, because every change a reconcile makes has
/// already gone out as its own event.
public struct JournalReporter: Reporter {
    /// Sends one entry's fields; `Journal.send` unless a test puts something else in.
    public typealias Sender = @Sendable ([(String, String)]) throws -> Void

    /// The real sender: `Journal.send`.
    public static let journald: Sender = { try Journal.send($0) }

    private let logger: Logger
    private let send: Sender

    /// Creates a reporter that logs failed sends to `logger`.
    public init(logger: Logger, send: @escaping Sender = JournalReporter.journald) {
        self.logger = logger
        self.send = send
    }

    public func report(_ event: AgentEvent) {
        do {
            try send(event.journalFields)
        } catch {
            logger.warning(
                "cannot send a journal entry: \(error)",
                metadata: ["event": "\(event.kind.rawValue)", "message": "\(event.message)"]
            )
        }
    }

    public func reconciled(_ status: AgentStatus, duration: Double) {}
}
