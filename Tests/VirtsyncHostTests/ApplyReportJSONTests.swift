import Foundation
import Libvirt
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

/// An apply report's JSON shows a failure as its text, key for key as before the failure was a value.
@Suite("apply report JSON")
struct ApplyReportJSONTests {
    @Test("a failed outcome is written with succeeded, error and completed; libvirt's numbers stay in Swift")
    func failedOutcome() throws {
        let id = ObjectID(.domain, "web1")
        let libvirt = LibvirtError(
            operation: "virDomainCreate",
            code: .operationInvalid,
            domain: .qemu,
            message: "Requested operation is not valid: domain is already running"
        )
        let failure = ApplyFailure(object: id, operation: .start, libvirt: .init(libvirt), message: libvirt.message)
        let report = ApplyReport(outcomes: [
            .init(id: ObjectID(.network, "lan"), change: .create, completed: 3),
            .init(id: id, change: .update, failure: failure, completed: 1),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(report), as: UTF8.self)
        #expect(
            json
                == #"{"outcomes":[{"change":"create","completed":3,"id":{"kind":"Network","name":"lan"},"succeeded":true},"#
                + #"{"change":"update","completed":1,"error":"Requested operation is not valid: domain is already running","#
                + #""id":{"kind":"Domain","name":"web1"},"succeeded":false}]}"#
        )
        #expect(report.failures.first?.failure?.libvirtCode == .operationInvalid)
        #expect(report.failures.first?.failure?.libvirtDomain == .qemu)
        let back = try JSONDecoder().decode(ApplyReport.self, from: Data(json.utf8))
        #expect(back.failures.map(\.error) == [failure.message])
    }
}
