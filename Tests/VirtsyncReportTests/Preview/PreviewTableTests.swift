import Foundation
import Testing
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncReport

@Suite("one table of a pull request's previews from every host")
struct PreviewTableTests {
    static let ref = "refs/pull/1/head"
    static let revision = "9a8b7c6d5e4f30211203948576abcdef01234567"

    static func answers() -> [PreviewTable.Answer] {
        var update = Samples.preview()
        update.steps = [
            PreviewStep(
                object: ObjectID(.network, "lan"),
                change: .update,
                fields: [FieldChange(path: "ip/dhcp", want: "<range/>", have: nil)]
            )
        ]
        var older = Samples.preview()
        older.revision = "1111111111111111111111111111111111111111"
        var refused = Samples.preview()
        refused.steps = []
        refused.error = "revision refused: it would destroy 3 of 4 managed objects"
        var unchanged = Samples.preview()
        unchanged.steps = []
        return [
            ("10.0.0.1:9273", .success(PreviewReport(host: "kvm02", previews: [update]))),
            ("10.0.0.2:9273", .success(PreviewReport(host: "kvm01", previews: [Samples.preview()]))),
            ("10.0.0.3:9273", .success(PreviewReport(host: "kvm03", previews: [older]))),
            ("10.0.0.4:9273", .success(PreviewReport(host: "kvm04", previews: []))),
            ("10.0.0.5:9273", .failure(CocoaError(.fileNoSuchFile))),
            ("10.0.0.6:9273", .success(PreviewReport(host: "kvm06", previews: [refused]))),
            ("10.0.0.7:9273", .success(PreviewReport(host: "kvm07", previews: [unchanged]))),
        ]
    }

    @Test("restarts, replaces and destroys come first; hosts without rows are named by why")
    func rowsAndHosts() {
        let table = PreviewTable(ref: Self.ref, revision: nil, answers: Self.answers())
        #expect(table.revision == Self.revision)
        #expect(
            table.rows.map { "\($0.host) \($0.object) \($0.change.rawValue)" } == [
                "kvm01 domain/web1 pending-restart", "kvm01 domain/web9 create", "kvm02 network/lan update",
            ]
        )
        #expect(
            table.hosts.map { "\($0.host) \($0.state.rawValue)" } == [
                "kvm06 refused", "10.0.0.5:9273 unreachable", "kvm03 pending", "kvm04 pending", "kvm07 unchanged",
            ]
        )
        #expect(table.pending == ["kvm03", "kvm04"])
        #expect(table.isDisruptive)
        #expect(table.hasProblems)
    }

    @Test("an abbreviated revision selects the hosts that planned it")
    func abbreviatedRevision() {
        let table = PreviewTable(ref: Self.ref, revision: "1111111", answers: Self.answers())
        #expect(table.rows.map(\.host) == ["kvm03", "kvm03"])
        #expect(table.pending.contains("kvm01"))
        #expect(!table.pending.contains("kvm03"))
    }

    @Test("Markdown: a table a forge renders, the disruptive count on top, cells escaped")
    func markdown() {
        let text = PreviewTable(ref: Self.ref, revision: Self.revision, answers: Array(Self.answers().prefix(2)))
            .markdown()
        #expect(
            text == """
                ### virtsync preview of `refs/pull/1/head` at `9a8b7c6d5e4f`

                **1 restart, replace or destroy on 1 host**

                | host | object | change | fields |
                |---|---|---|---|
                | kvm01 | `domain/web1` | **pending-restart** | memory: 2097152 → 4194304<br>needs a restart to apply: memory (restartPolicy: Never) |
                | kvm01 | `domain/web9` | create |  |
                | kvm02 | `network/lan` | update | ip/dhcp: (absent) → &lt;range/&gt; |

                """
        )
    }

    @Test("text: aligned columns, then the hosts without rows")
    func text() {
        let text = PreviewTable(ref: Self.ref, revision: Self.revision, answers: Array(Self.answers().suffix(2))).text()
        #expect(
            text == """
                preview of refs/pull/1/head at 9a8b7c6d5e4f
                no host would change anything
                kvm06: would refuse this revision: revision refused: it would destroy 3 of 4 managed objects
                kvm07: no change

                """
        )
    }
}

@Suite("virtsync status shows the previews")
struct StatusPreviewsTests {
    @Test("one line per ref after the reconciles; none when previews are off")
    func previewLines() {
        var status = Samples.status()
        #expect(!StatusPrinter.text(status).contains("PREVIEWS"))
        status.previews = [Samples.preview()]
        #expect(
            StatusPrinter.text(status).hasSuffix(
                """

                PREVIEWS
                refs/pull/1/head at 9a8b7c6d5e4f: 1 pending-restart, 1 create

                """
            )
        )
    }
}
