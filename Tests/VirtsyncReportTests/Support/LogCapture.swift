import Logging
import Synchronization

/// A log handler that keeps every line, to check what a reporter logged.
struct LogCapture: LogHandler {
    /// The lines logged through every handler sharing this store.
    final class Store: Sendable {
        private let lines = Mutex<[(level: Logger.Level, message: String)]>([])
        var all: [(level: Logger.Level, message: String)] { lines.withLock { $0 } }
        func append(_ level: Logger.Level, _ message: String) { lines.withLock { $0.append((level, message)) } }
    }

    let store: Store
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        store.append(event.level, event.message.description)
    }

    /// A logger writing into a new store, and the store.
    static func logger() -> (Logger, Store) {
        let store = Store()
        return (Logger(label: "virtsync.test") { _ in LogCapture(store: store) }, store)
    }
}
