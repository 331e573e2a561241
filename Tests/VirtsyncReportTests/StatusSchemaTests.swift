import Foundation
import TestSupport
import Testing
import VirtsyncReport

/// docs/status.schema.json describes the status file exactly: what the agent writes validates, and
/// what it would never write does not. Validated by python3's `jsonschema` (scripts/deps.sh installs it).
@Suite("status file schema")
struct StatusSchemaTests {
    static let schema = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/status.schema.json")

    /// Prints every schema error of the document on standard input, one per line; exits 1 when any.
    static let validator = """
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1]))
        Draft202012Validator.check_schema(schema)
        errors = list(Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).iter_errors(json.load(sys.stdin)))
        for error in errors:
            print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
        sys.exit(1 if errors else 0)
        """

    @Test("a status with every field and state validates")
    func full() throws {
        let errors = try validate(StatusFile.encode(Samples.status()))
        #expect(errors == [])
    }

    @Test("a fresh status with nothing but the required fields validates")
    func minimal() throws {
        let status = AgentStatus(host: "kvm01", mode: "report", source: .init(url: "file:///srv/fleet", ref: "v1.2"))
        #expect(try validate(StatusFile.encode(status)) == [])
    }

    @Test("a status with previews and a rolled-back reconcile validates")
    func previews() throws {
        var status = Samples.status()
        status.previews = [
            Samples.preview(),
            PreviewStatus(
                ref: "refs/pull/2/head",
                revision: Samples.revision,
                base: nil,
                plannedAt: Samples.date(5),
                steps: [],
                error: "hosts/kvm01/web1.yaml:7:11: error: spec.memory: expected a size such as 2GiB, got 'lots'"
            ),
        ]
        status.record(
            ReconcileSummary(
                startedAt: date(90),
                finishedAt: date(99),
                trigger: "webhook",
                revision: Samples.revision,
                result: .rolledBack,
                error: "domain/web1 failed its health check"
            )
        )
        #expect(try validate(StatusFile.encode(status)) == [])
    }

    private func date(_ offset: Double) -> Date { Samples.date(offset) }

    @Test("an unknown key, a wrong state and a volume without its pool are rejected")
    func rejects() throws {
        var object = try JSONSerialization.jsonObject(with: StatusFile.encode(Samples.status())) as! [String: Any]
        object["extra"] = true
        var objects = object["objects"] as! [[String: Any]]
        objects[0]["state"] = "sideways"
        objects[4]["id"] = ["kind": "Volume", "name": "old.qcow2"]
        object["objects"] = objects
        let errors = try validate(JSONSerialization.data(withJSONObject: object))
        #expect(errors.count == 3)
        #expect(errors.contains { $0.hasPrefix("objects/0/state: ") })
        #expect(errors.contains { $0.hasPrefix("objects/4/id: 'pool' is a required property") })
        #expect(errors.contains { $0.contains("'extra' was unexpected") })
    }

    private func validate(_ document: Data) throws -> [String] {
        let check = try ChildProcess("python3", ["-c", "import jsonschema"]).run()
        try #require(
            check.status == 0,
            "python3 cannot import jsonschema (run scripts/deps.sh, or python3 -m pip install jsonschema): \(check.error)"
        )
        let result = try ChildProcess("python3", ["-c", Self.validator, Self.schema.path], input: document).run()
        let lines = result.output.split(separator: "\n").map(String.init)
        try #require(result.status == 0 || !lines.isEmpty, "the validator failed: \(result.error)")
        return lines
    }
}
