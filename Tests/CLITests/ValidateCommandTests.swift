import Testing

/// `virtsync validate`: exit 0 and a count for valid manifests; exit 1 and one `FILE:LINE:COL: error:`
/// line per problem otherwise.
@Suite("virtsync validate")
struct ValidateCommandTests {
    @Test("valid manifests: a count, exit 0")
    func valid() throws {
        try CLI.expect(["validate", "manifests"], status: 0, golden: "validate-valid")
    }

    @Test("invalid manifests: every error with file, line, column and field, exit 1")
    func invalid() throws {
        try CLI.expect(["validate", "invalid"], status: 1, golden: "validate-invalid")
    }

    @Test("a path that does not exist: exit 1 naming it")
    func missing() throws {
        try CLI.expect(["validate", "no-such-dir"], status: 1, golden: "validate-missing")
    }
}
