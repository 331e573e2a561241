import Foundation
public import Logging
public import Systemd
import VirtsyncReport

/// A swift-log handler that writes the agent's own log lines to journald.
///
/// Each line becomes one entry: `MESSAGE`, `PRIORITY` from the level, `SYSLOG_IDENTIFIER=virtsync`,
/// `VIRTSYNC_LOGGER` (the logger's label), the source location as journald's `CODE_*` fields, and every
/// metadata key as a `VIRTSYNC_<KEY>` field (upper-cased, other characters made `_`). A line that cannot
/// be sent goes to standard error instead, so it is not lost when journald is down.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let send: JournalReporter.Sender

    /// Creates a handler for the logger `label`; use as `LoggingSystem.bootstrap { JournalLogHandler(label: $0) }`.
    public init(
        label: String,
        metadataProvider: Logger.MetadataProvider? = nil,
        send: @escaping JournalReporter.Sender = JournalReporter.journald
    ) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.send = send
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let fields = fields(for: event)
        do {
            try send(fields)
        } catch {
            let line = "\(label) \(event.level): \(event.message) (journal: \(error))\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// The entry for one log line.
    func fields(for event: LogEvent) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("MESSAGE", event.message.description),
            ("PRIORITY", String(Self.priority(event.level).rawValue)),
            ("SYSLOG_IDENTIFIER", AgentEvent.syslogIdentifier),
            ("VIRTSYNC_LOGGER", label),
            ("CODE_FILE", event.file),
            ("CODE_LINE", String(event.line)),
            ("CODE_FUNC", event.function),
        ]
        if let error = event.error { fields.append(("VIRTSYNC_ERROR", "\(error)")) }
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let own = event.metadata { merged.merge(own) { $1 } }
        for key in merged.keys.sorted() {
            fields.append((Self.fieldName(key), merged[key]!.description))
        }
        return fields
    }

    /// swift-log's levels on syslog's: trace and debug both map to debug, the lowest syslog has.
    public static func priority(_ level: Logger.Level) -> JournalPriority {
        switch level {
        case .trace, .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        }
    }

    /// `VIRTSYNC_` and the key upper-cased, every character outside `A-Z 0-9 _` made `_`, at most 64 long
    /// (journald's limit): `"object-id"` becomes `VIRTSYNC_OBJECT_ID`.
    public static func fieldName(_ key: String) -> String {
        let upper = key.uppercased().unicodeScalars.map { scalar -> Character in
            let allowed = ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
            return allowed ? Character(scalar) : "_"
        }
        return String(("VIRTSYNC_" + String(upper)).prefix(64))
    }
}
