import Logging
import Systemd
import Testing
import VirtsyncJournal
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncReport

/// An entry journald does not take is logged and dropped; the reconcile loop never sees the error.
@Suite("journald send failures")
struct JournalSendFailureTests {
    @Test("a failed send is logged as a warning naming the error and the event")
    func logged() {
        let (logger, store) = LogCapture.logger()
        let reporter = JournalReporter(logger: logger) { _ in
            throw SystemdError(operation: "sd_journal_sendv", errno: 111)
        }
        reporter.report(.applied(ObjectID(.domain, "web1"), change: .update, revision: nil))

        let lines = store.all
        #expect(lines.count == 1)
        #expect(lines.first?.level == .warning)
        #expect(lines.first?.message.hasPrefix("cannot send a journal entry: ") == true)
        #expect(lines.first?.message.contains("errno 111") == true)
    }

    @Test("the sender gets exactly the event's fields")
    func fields() {
        let (logger, store) = LogCapture.logger()
        let event = AgentEvent.revisionRefused(revision: "abc", reason: "no manifests for this host")
        let sent = SentFields()
        JournalReporter(logger: logger) { sent.fields = $0 }.report(event)

        #expect(store.all.isEmpty)
        #expect(
            sent.fields.map(\.0) == [
                "MESSAGE", "PRIORITY", "MESSAGE_ID", "SYSLOG_IDENTIFIER", "VIRTSYNC_EVENT", "VIRTSYNC_REASON",
                "VIRTSYNC_REVISION",
            ]
        )
        #expect(sent.fields.first?.1 == "revision refused: abc: no manifests for this host")
    }
}

/// What a test sender received.
private final class SentFields: @unchecked Sendable {
    // Written and read on the test's own thread only: the reporter sends synchronously.
    var fields: [(String, String)] = []
}
