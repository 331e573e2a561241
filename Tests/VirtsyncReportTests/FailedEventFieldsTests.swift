import Testing
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncReport

/// A failure's journald entry, field for field: the typed failure (libvirt's code and domain) adds no field,
/// and a reconcile-wide failure is the same `failed` event without an object.
@Suite("failed events' journald fields")
struct FailedEventFieldsTests {
    @Test("an object's failure: its object fields, the message as VIRTSYNC_ERROR, nothing of libvirt's numbers")
    func objectFailure() {
        let message =
            "Requested operation is not valid: network is already active (virNetworkCreate, code 55, domain 19)"
        let failure = ApplyFailure(object: ObjectID(.network, "lan"), operation: .start, message: message)
        var withCause = failure
        // Any numbers: the reports show libvirt's message, which names them, and add no field of their own.
        withCause.libvirt = .init(function: "virNetworkCreate", code: .max, domain: .max)
        #expect(Self.lines(.failed(withCause, revision: "abc")) == Self.lines(.failed(failure, revision: "abc")))
        #expect(
            Self.lines(.failed(failure, revision: "abc")) == [
                "MESSAGE=failed: network/lan at revision abc: \(message)", "PRIORITY=3",
                "MESSAGE_ID=9c4a5f6e7d8b42939415c6d7e8f90a1b", "SYSLOG_IDENTIFIER=virtsync", "VIRTSYNC_EVENT=failed",
                "VIRTSYNC_OBJECT=network/lan", "VIRTSYNC_KIND=Network", "VIRTSYNC_NAME=lan",
                "VIRTSYNC_ERROR=\(message)",
                "VIRTSYNC_REVISION=abc",
            ]
        )
    }

    @Test("a reconcile-wide failure: the same event, no object")
    func reconcileFailure() {
        #expect(
            Self.lines(.reconcileFailed(error: "libvirt: cannot connect", revision: nil)) == [
                "MESSAGE=failed: reconcile: libvirt: cannot connect", "PRIORITY=3",
                "MESSAGE_ID=9c4a5f6e7d8b42939415c6d7e8f90a1b", "SYSLOG_IDENTIFIER=virtsync", "VIRTSYNC_EVENT=failed",
                "VIRTSYNC_ERROR=libvirt: cannot connect",
            ]
        )
    }

    static func lines(_ event: AgentEvent) -> [String] { event.journalFields.map { "\($0.0)=\($0.1)" } }
}
