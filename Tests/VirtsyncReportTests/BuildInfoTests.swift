import Logging
import Testing
import VirtsyncBuildInfo
import VirtsyncReport

/// A fleet's rollout of virtsync itself is one query away: the agent exports which build it runs, and
/// writes it into the status file.
@Suite("build info")
struct BuildInfoTests {
    @Test("the revision is a commit id, or unknown outside a git checkout")
    func revision() {
        #expect(
            BuildInfo.revision == "unknown" || BuildInfo.revision.wholeMatch(of: /[0-9a-f]{12}/) != nil,
            "\(BuildInfo.revision)"
        )
        #expect(BuildInfo.description == "virtsync \(BuildInfo.version) (revision \(BuildInfo.revision))")
    }

    @Test("virtsync_build_info carries version and revision, at 1")
    func metric() {
        let text = MetricsReporter(logger: Logger(label: "virtsync.test")).exposition()
        let line = "virtsync_build_info{version=\"\(BuildInfo.version)\",revision=\"\(BuildInfo.revision)\"} 1"
        #expect(text.split(separator: "\n").contains { $0 == line || $0 == line + ".0" }, "\(text)")
    }

    @Test("a new status carries this build")
    func status() {
        let status = AgentStatus(host: "kvm01", mode: "enforce", source: .init(url: "file:///srv/fleet", ref: "main"))
        #expect(status.virtsync == AgentStatus.Build(version: BuildInfo.version, revision: BuildInfo.revision))
    }
}
