import Foundation
import Logging
import Systemd
import TestSupport
import Testing
import VirtsyncJournal
import VirtsyncReport

/// The agent's own log lines reach journald with a priority from their level and metadata as fields.
@Suite("journald log handler")
struct JournalLogHandlerTests {
    @Test("a warning with metadata comes back from journalctl with PRIORITY 4 and VIRTSYNC_ fields")
    func roundTrip() async throws {
        try #require(
            Journald.isRunning,
            "no journald accepts entries at \(Journald.socketPath), and starting one failed"
        )
        let id = Samples.uniqueName("log")
        var logger = Logger(label: "virtsync.agent") { JournalLogHandler(label: $0) }
        logger[metadataKey: "host"] = "kvm01"
        logger.warning("fetch took \(id) long", metadata: ["test-id": "\(id)", "source.url": "file:///srv/fleet"])

        let entries = try await Journald.entries([("VIRTSYNC_TEST_ID", id)])
        let entry = try #require(entries.first, "no log entry with VIRTSYNC_TEST_ID=\(id) within 3 s")
        #expect(entries.count == 1)
        #expect(entry["MESSAGE"] == "fetch took \(id) long")
        #expect(entry["PRIORITY"] == "4")
        #expect(entry["SYSLOG_IDENTIFIER"] == "virtsync")
        #expect(entry["VIRTSYNC_LOGGER"] == "virtsync.agent")
        #expect(entry["VIRTSYNC_HOST"] == "kvm01")
        #expect(entry["VIRTSYNC_SOURCE_URL"] == "file:///srv/fleet")
        #expect(entry["CODE_FILE"]?.hasSuffix("JournalLogHandlerTests.swift") == true)
    }

    @Test(
        "levels map to syslog priorities",
        arguments: [
            (Logger.Level.trace, JournalPriority.debug), (.debug, .debug), (.info, .info), (.notice, .notice),
            (.warning, .warning), (.error, .error), (.critical, .critical),
        ]
    )
    func priority(level: Logger.Level, expected: JournalPriority) {
        #expect(JournalLogHandler.priority(level) == expected)
    }

    @Test(
        "metadata keys become valid journald field names",
        arguments: [
            ("host", "VIRTSYNC_HOST"), ("object-id", "VIRTSYNC_OBJECT_ID"), ("source.url", "VIRTSYNC_SOURCE_URL"),
            ("Größe", "VIRTSYNC_GR_SSE"),
            (String(repeating: "k", count: 70), "VIRTSYNC_" + String(repeating: "K", count: 55)),
        ]
    )
    func fieldName(key: String, expected: String) {
        #expect(JournalLogHandler.fieldName(key) == expected)
    }

    @Test("a line journald refuses is not thrown: the handler falls back to standard error")
    func failedSend() {
        let attempts = Attempts()
        let logger = Logger(label: "virtsync.test") { label in
            JournalLogHandler(label: label) { _ in
                attempts.count += 1
                throw SystemdError(operation: "sd_journal_sendv", errno: 111)
            }
        }
        logger.error("journald is gone")
        #expect(attempts.count == 1)
    }
}

/// How often a test sender was called.
private final class Attempts: @unchecked Sendable {
    // Only touched on the test's own thread: logging is synchronous.
    var count = 0
}
