import Foundation
import VirtsyncManifest
import VirtsyncPlan

/// `virtsync status` for people: a header, one line per object, then the last reconciles.
///
/// ```
/// host         kvm01 (enforce)
/// source       https://git.example.com/fleet.git @ main
/// applied      3f2a9c1d0b7e at 2026-11-18 11:06:40 UTC
/// ...
/// STATE            OBJECT
/// in-sync          network/lan
/// drifted          domain/web1  devices/disk[vdb]: want (absent), have <disk type='file' device='disk'>… (and 1 more field)
///
/// LAST RECONCILES
/// 2026-11-18 11:07:40 UTC  failed   interval  3f2a9c1d0b7e  0 changed, 1 failed  1.5s  pool/images: cannot create …
/// ```
public enum StatusPrinter {
    /// The whole report, ending in a newline.
    public static func text(_ status: AgentStatus) -> String {
        (header(status) + [""] + objects(status.objects) + [""] + reconciles(status.reconciles)
            + previews(status.previews))
            .joined(separator: "\n") + "\n"
    }

    static func header(_ status: AgentStatus) -> [String] {
        let agent = status.virtsync.map { row("agent", "virtsync \($0.version) (revision \($0.revision))") }
        return [
            row("host", "\(status.host) (\(status.mode))"),
            agent,
            row("source", "\(status.source.url) @ \(status.source.ref)"),
            row("applied", revisionAt(status.lastAppliedRevision, status.lastAppliedAt)),
            row("attempted", revisionAt(status.lastAttemptedRevision, status.lastAttemptAt)),
            row("last success", status.lastSuccessAt.map(time) ?? "never"),
            row("last error", status.lastError.map(oneLine) ?? "none"),
            row("objects", counts(status.objects)),
        ].compactMap { $0 }
    }

    static func objects(_ objects: [ObjectStatus]) -> [String] {
        guard !objects.isEmpty else { return ["no managed objects"] }
        let rows = objects.sorted { $0.id < $1.id }.map { [$0.state.rawValue, $0.id.description, detail($0)] }
        return table([["STATE", "OBJECT", ""]] + rows)
    }

    static func reconciles(_ reconciles: [ReconcileSummary]) -> [String] {
        guard !reconciles.isEmpty else { return ["no reconcile yet"] }
        let rows = reconciles.map { reconcile in
            let seconds = reconcile.finishedAt.timeIntervalSince(reconcile.startedAt)
            return [
                time(reconcile.finishedAt), reconcile.result.rawValue, reconcile.trigger,
                short(reconcile.revision) ?? "-",
                "\(reconcile.changes) changed, \(reconcile.failures) failed", String(format: "%.1fs", seconds),
                reconcile.error.map(oneLine) ?? "",
            ]
        }
        return ["LAST RECONCILES"] + table(rows)
    }

    /// Rows as columns two spaces apart, each as wide as its widest cell; no trailing blanks.
    static func table(_ rows: [[String]]) -> [String] {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column] + 2, withPad: " ", startingAt: 0)
            }
            return trimmed(cells.joined())
        }
    }

    /// What a person looks at first: the first drift (and how many more), or the error; else where a
    /// running domain can be reached (`192.168.122.10 (lease), 10.0.0.5 (agent)`).
    static func detail(_ object: ObjectStatus) -> String {
        if let error = object.error { return oneLine(error) }
        guard !object.drift.isEmpty else { return addresses(object.addresses ?? []) }
        return AgentEvent.summary(object.drift)
    }

    static func addresses(_ addresses: [AddressStatus]) -> String {
        addresses.map { "\($0.address) (\($0.source))" }.joined(separator: ", ")
    }

    private static func counts(_ objects: [ObjectStatus]) -> String {
        guard !objects.isEmpty else { return "0" }
        let parts = ObjectState.allCases.compactMap { state -> String? in
            let count = objects.count { $0.state == state }
            return count == 0 ? nil : "\(count) \(state.rawValue)"
        }
        return "\(objects.count): " + parts.joined(separator: ", ")
    }

    private static func revisionAt(_ revision: String?, _ date: Date?) -> String {
        guard let revision = short(revision) else { return "none" }
        return date.map { "\(revision) at \(time($0))" } ?? revision
    }

    /// A commit id cut to 12 characters, as `git log --abbrev=12` shows it; a tag or branch stays whole.
    private static func short(_ revision: String?) -> String? {
        guard let revision else { return nil }
        let isCommit = revision.count == 40 && revision.allSatisfy(\.isHexDigit)
        return isCommit ? String(revision.prefix(12)) : revision
    }

    private static func time(_ date: Date) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) UTC",
                timeZone: .gmt,
                calendar: Calendar(identifier: .gregorian)
            )
        )
    }

    private static func row(_ label: String, _ value: String) -> String {
        label.padding(toLength: 13, withPad: " ", startingAt: 0) + value
    }

    private static func oneLine(_ text: String) -> String { AgentEvent.shorten(text, limit: 160) }

    private static func trimmed(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " }.reversed())
    }
}
