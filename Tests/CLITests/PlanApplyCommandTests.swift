import Testing

/// `virtsync plan` and `apply` on libvirt's in-process test driver (each process starts from the driver's
/// own objects): plan exits 2 with changes pending, apply --verify applies and re-plans in sync.
@Suite("virtsync plan and apply")
struct PlanApplyCommandTests {
    @Test("plan: every step with its class and manifest, exit 2")
    func plan() throws {
        try CLI.expect(["plan", "--state-dir", try CLI.stateDirectory(), "manifests"], status: 2, golden: "plan-text")
    }

    @Test("plan --output json: the same plan as JSON, exit 2")
    func planJSON() throws {
        try CLI.expect(["plan", "--state-dir", try CLI.stateDirectory(), "--output", "json", "manifests"], status: 2, golden: "plan-json")
    }

    @Test("plan of invalid manifests: the errors, exit 1, nothing planned")
    func planInvalid() throws {
        try CLI.expect(["plan", "--state-dir", try CLI.stateDirectory(), "invalid"], status: 1, golden: "plan-invalid")
    }

    @Test("apply --verify: each step applied, then in sync, exit 0")
    func apply() throws {
        try CLI.expect(["apply", "--verify", "--state-dir", try CLI.stateDirectory(), "manifests"], status: 0, golden: "apply-verify")
    }
}
