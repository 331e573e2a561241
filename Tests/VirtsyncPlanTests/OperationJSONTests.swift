import Foundation
import Testing
import VirtsyncPlan

/// A plan's JSON names every payload: an operation is keyed by its name, its fields by theirs, never `_0`.
@Suite("operations in a plan's JSON")
struct OperationJSONTests {
    @Test(
        "an operation whose payload has no label in Swift still gets a named JSON field, and reads back",
        arguments: [
            (VirtsyncPlan.Operation.setAutostart(true), #"{"setAutostart":{"enabled":true}}"#),
            (VirtsyncPlan.Operation.setVcpusLive(2), #"{"setVcpusLive":{"count":2}}"#),
            (VirtsyncPlan.Operation.shutdown(timeoutSeconds: 30), #"{"shutdown":{"timeoutSeconds":30}}"#),
            (VirtsyncPlan.Operation.start, #"{"start":{}}"#),
        ]
    )
    func namedFields(operation: VirtsyncPlan.Operation, json: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(String(decoding: try encoder.encode(operation), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(VirtsyncPlan.Operation.self, from: Data(json.utf8)) == operation)
    }
}
