import Foundation
import Logging
import TestSupport
import Testing
import VirtsyncJournal
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncReport

/// `JournalReporter` writes one journald entry per event, found again by its `MESSAGE_ID` and name.
@Suite("journald entries per event")
struct JournalReporterTests {
    let reporter = JournalReporter(logger: Logger(label: "virtsync.test"))

    @Test("a drift entry carries the first field, every field and a sentence for people")
    func drift() async throws {
        try #require(
            Journald.isRunning,
            "no journald accepts entries at \(Journald.socketPath), and starting one failed"
        )
        let name = Samples.uniqueName("web1")
        let fields = [
            FieldChange(path: "devices/disk[vdb]", want: nil, have: Samples.diskXML),
            FieldChange(path: "memory", want: "2097152", have: "4194304"),
        ]
        reporter.report(.drift(ObjectID(.domain, name), fields: fields, revision: Samples.revision))

        let entry = try await onlyEntry(.drift, name: name)
        #expect(
            entry["MESSAGE"]
                == "drift: domain/\(name) devices/disk[vdb]: want (absent), have <disk type='file' device='disk'>… (and 1 more field)"
        )
        #expect(entry["PRIORITY"] == "4")
        #expect(entry["SYSLOG_IDENTIFIER"] == "virtsync")
        #expect(entry["VIRTSYNC_EVENT"] == "drift")
        #expect(entry["VIRTSYNC_KIND"] == "Domain")
        #expect(entry["VIRTSYNC_OBJECT"] == "domain/\(name)")
        #expect(entry["VIRTSYNC_FIELD"] == "devices/disk[vdb]")
        #expect(entry["VIRTSYNC_WANT"] == nil)
        #expect(entry["VIRTSYNC_HAVE"] == Samples.diskXML)
        #expect(
            entry["VIRTSYNC_FIELDS"] == """
                devices/disk[vdb]: want (absent), have <disk type='file' device='disk'> \
                <source file='/var/lib/libvirt/images/extra.qcow2'/> <target dev='vdb' bus='virtio'/> </disk>
                memory: want 2097152, have 4194304
                """
        )
        #expect(entry["VIRTSYNC_REVISION"] == Samples.revision)
        #expect(entry["VIRTSYNC_POOL"] == nil)
    }

    @Test("an applied volume names its pool and the change")
    func appliedVolume() async throws {
        try #require(
            Journald.isRunning,
            "no journald accepts entries at \(Journald.socketPath), and starting one failed"
        )
        let name = Samples.uniqueName("disk.qcow2")
        reporter.report(.applied(ObjectID(.volume, name, pool: "images"), change: .create, revision: "abc123"))

        let entry = try await onlyEntry(.applied, name: name)
        #expect(entry["MESSAGE"] == "applied: create volume/images/\(name) at revision abc123")
        #expect(entry["PRIORITY"] == "6")
        #expect(entry["VIRTSYNC_KIND"] == "Volume")
        #expect(entry["VIRTSYNC_POOL"] == "images")
        #expect(entry["VIRTSYNC_CHANGE"] == "create")
        #expect(entry["VIRTSYNC_REVISION"] == "abc123")
    }

    @Test("a failure is an error entry with libvirt's message")
    func failed() async throws {
        try #require(
            Journald.isRunning,
            "no journald accepts entries at \(Journald.socketPath), and starting one failed"
        )
        let name = Samples.uniqueName("lan")
        let error = "internal error: Network is already in use by interface virbr9"
        reporter.report(.failed(ApplyFailure(object: ObjectID(.network, name), message: error), revision: nil))

        let entry = try await onlyEntry(.failed, name: name)
        #expect(entry["MESSAGE"] == "failed: network/\(name): \(error)")
        #expect(entry["PRIORITY"] == "3")
        #expect(entry["VIRTSYNC_ERROR"] == error)
        #expect(entry["VIRTSYNC_REVISION"] == nil)
    }

    @Test("a failed fetch names the error and the revision that stays applied")
    func sourceFailed() async throws {
        try #require(
            Journald.isRunning,
            "no journald accepts entries at \(Journald.socketPath), and starting one failed"
        )
        let lastGood = Samples.uniqueName("rev")
        reporter.report(.sourceFailed(error: "failed to resolve address for git.example.com", lastGood: lastGood))

        let entries = try await Journald.entries([
            ("MESSAGE_ID", AgentEventKind.sourceFailed.messageID), ("VIRTSYNC_REVISION", lastGood),
        ])
        let entry = try #require(entries.first, "no source-failed entry for revision \(lastGood) within 3 s")
        #expect(
            entry["MESSAGE"]
                == "source fetch failed: failed to resolve address for git.example.com; keeping revision \(lastGood)"
        )
        #expect(entry["PRIORITY"] == "3")
        #expect(entry["VIRTSYNC_EVENT"] == "source-failed")
        #expect(entry["VIRTSYNC_NAME"] == nil)
    }

    private func onlyEntry(_ kind: AgentEventKind, name: String) async throws -> [String: String] {
        let entries = try await Journald.entries([("MESSAGE_ID", kind.messageID), ("VIRTSYNC_NAME", name)])
        #expect(entries.count == 1)
        return try #require(entries.first, "no \(kind.rawValue) entry for \(name) within 3 s")
    }
}
