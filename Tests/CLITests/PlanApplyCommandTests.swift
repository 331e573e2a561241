import Testing

/// `virtsync plan` and `apply` on libvirt's in-process test driver (each process starts from the driver's
/// own objects): plan exits 2 with changes pending, 1 when it refuses, 0 in sync (the driver's own network,
/// adopted); apply --verify applies and re-plans in sync, apply of invalid manifests exits 1.
@Suite("virtsync plan and apply")
struct PlanApplyCommandTests {
    @Test("plan: every step with its class and manifest, exit 2")
    func plan() throws {
        try CLI.expect(["plan", "--state-dir", try CLI.stateDirectory(), "manifests"], status: 2, golden: "plan-text")
    }

    @Test("plan --output json: the same plan as JSON, exit 2")
    func planJSON() throws {
        try CLI.expect(
            ["plan", "--state-dir", try CLI.stateDirectory(), "--output", "json", "manifests"],
            status: 2,
            golden: "plan-json"
        )
    }

    @Test("plan of invalid manifests: the errors, exit 1, nothing planned")
    func planInvalid() throws {
        try CLI.expect(["plan", "--state-dir", try CLI.stateDirectory(), "invalid"], status: 1, golden: "plan-invalid")
    }

    @Test("plan of an object the host has but virtsync does not manage: refused, exit 1")
    func planRefused() throws {
        try CLI.expect(["plan", "--state-dir", try CLI.stateDirectory(), "host"], status: 1, golden: "plan-refused")
    }

    @Test("plan --adopt of what export wrote: taken over and in sync, exit 0")
    func planInSync() throws {
        try CLI.expect(
            ["plan", "--adopt", "--state-dir", try CLI.stateDirectory(), "host"],
            status: 0,
            golden: "plan-in-sync"
        )
    }

    @Test("apply of invalid manifests: the errors, exit 1, nothing applied")
    func applyInvalid() throws {
        try CLI.expect(
            ["apply", "--state-dir", try CLI.stateDirectory(), "invalid"],
            status: 1,
            golden: "apply-invalid"
        )
    }

    @Test("apply --verify: each step applied, then in sync, exit 0")
    func apply() throws {
        try CLI.expect(
            ["apply", "--verify", "--state-dir", try CLI.stateDirectory(), "manifests"],
            status: 0,
            golden: "apply-verify"
        )
    }
}
