import Foundation
import Systemd
import TestSupport
import Testing

/// `Journal.send` writes entries journald stores field by field.
@Suite("journald entries")
struct JournalSendTests {
    /// A fixed id, as an event type's `MESSAGE_ID` would be.
    static let messageID = "6b0c1b5e2f0a4c58a1d3e7f9b2c4d6e8"

    @Test("message, priority, message id and a multi-line custom field come back from journalctl")
    func roundTrip() async throws {
        try #require(
            Journald.isRunning,
            "no journald accepts entries at \(Journald.socketPath), and starting one failed"
        )
        let testID = UUID().uuidString
        try Journal.send([
            ("MESSAGE", "virtsync journal test \(testID)"),
            JournalPriority.warning.field,
            ("MESSAGE_ID", Self.messageID),
            ("VIRTSYNC_TEST_ID", testID),
            ("VIRTSYNC_WANT", "line one\nline two"),
        ])
        let entries = try await Journald.entries([("VIRTSYNC_TEST_ID", testID)], timeout: .seconds(2))
        let entry = try #require(entries.first, "no entry with VIRTSYNC_TEST_ID=\(testID) within 2 s")
        #expect(entries.count == 1)
        #expect(entry["MESSAGE"] == "virtsync journal test \(testID)")
        #expect(entry["PRIORITY"] == "4")
        #expect(entry["MESSAGE_ID"] == Self.messageID)
        #expect(entry["VIRTSYNC_WANT"] == "line one\nline two")
    }

    @Test(
        "invalid field names throw EINVAL naming the field",
        arguments: [
            "", "message", "_PID", "1FIELD", "VIRTSYNC-NAME", "VIRTSYNC NAME", String(repeating: "A", count: 65),
        ]
    )
    func invalidName(name: String) {
        let error = #expect(throws: SystemdError.self) {
            try Journal.send([("MESSAGE", "never sent"), (name, "value")])
        }
        #expect(error?.errno == EINVAL)
        #expect(error?.message.hasPrefix("invalid journal field name \"\(name)\"") == true)
    }

    @Test("the longest valid name and names with digits and underscores are stored")
    func validNames() async throws {
        try #require(
            Journald.isRunning,
            "no journald accepts entries at \(Journald.socketPath), and starting one failed"
        )
        let testID = UUID().uuidString
        let longest = String(repeating: "A", count: 64)
        try Journal.send([
            ("MESSAGE", "virtsync journal test: valid names"),
            ("VIRTSYNC_TEST_ID", testID),
            ("VIRTSYNC_FIELD_2", "x"),
            (longest, "y"),
        ])
        let entry = try #require(try await Journald.entries([("VIRTSYNC_TEST_ID", testID)], timeout: .seconds(2)).first)
        #expect(entry["VIRTSYNC_FIELD_2"] == "x")
        #expect(entry[longest] == "y")
    }

    @Test("an entry with no fields is refused")
    func empty() {
        let error = #expect(throws: SystemdError.self) { try Journal.send([]) }
        #expect(error?.errno == EINVAL)
    }
}
