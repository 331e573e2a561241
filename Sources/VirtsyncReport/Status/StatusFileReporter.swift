public import Logging
import Synchronization

/// Writes the status file after every reconcile, and when a preview changes; other events alone do not
/// change it.
///
/// The reconcile and the preview runner report from different tasks, so the last status and the current
/// previews are kept here and merged under one lock: each write carries both, and neither overwrites
/// the other's part.
public final class StatusFileReporter: Reporter {
    /// Where the file goes, usually `StatusFile.path(stateDirectory:)`.
    public let path: String
    private let logger: Logger
    private let state = Mutex<(status: AgentStatus?, previews: [String: PreviewStatus]?)>((nil, nil))

    /// Creates a reporter writing to `path` that logs a failed write to `logger`.
    public init(path: String, logger: Logger) {
        self.path = path
        self.logger = logger
    }

    public func report(_ event: AgentEvent) {
        state.withLock { state in
            switch event {
            case .previewPlanned(let preview):
                state.previews = (state.previews ?? [:]).merging([preview.ref: preview]) { $1 }
            case .previewDropped(let ref, _): state.previews?[ref] = nil
            default: return
            }
            // Before the first reconcile there is no status to carry the previews: it will.
            if let status = state.status { write(status, previews: state.previews) }
        }
    }

    public func reconciled(_ status: AgentStatus, duration: Double) {
        state.withLock { state in
            state.status = status
            write(status, previews: state.previews)
        }
    }

    private func write(_ status: AgentStatus, previews: [String: PreviewStatus]?) {
        var status = status
        status.previews = previews.map { $0.values.sorted { $0.ref < $1.ref } }
        do {
            try StatusFile.write(status, to: path)
        } catch {
            logger.error("cannot write the status file: \(error)", metadata: ["path": "\(path)"])
        }
    }
}
