public import Logging

/// Writes the status file after every reconcile; events alone do not change it.
public struct StatusFileReporter: Reporter {
    /// Where the file goes, usually `StatusFile.path(stateDirectory:)`.
    public let path: String
    private let logger: Logger

    /// Creates a reporter writing to `path` that logs a failed write to `logger`.
    public init(path: String, logger: Logger) {
        self.path = path
        self.logger = logger
    }

    public func report(_ event: AgentEvent) {}

    public func reconciled(_ status: AgentStatus, duration: Double) {
        do {
            try StatusFile.write(status, to: path)
        } catch {
            logger.error("cannot write the status file: \(error)", metadata: ["path": "\(path)"])
        }
    }
}
