import Foundation
import VirtsyncManifest
import VirtsyncPlan

/// `virtsync status` for people: a header, one line per object, then the last reconciles.
///
/// ```
/// host         web1 (enforce)
/// source       https://git.example.com/fleet.git @ main
/// applied      3f2a9c1d0b7e at 2026-11-25 12:00:00 UTC
/// ...
/// STATE            OBJECT
/// drifted          domain/web1  devices/disk[vdb]: want (absent), have <disk type='file'…>
/// ```
public enum StatusPrinter {
    /// The whole report, ending in a newline.
    public static func text(_ status: AgentStatus) -> String {
        (header(status) + [""] + objects(status.objects) + [""] + reconciles(status.reconciles))
            .joined(separator: "\n") + "\n"
    }

    static func header(_ status: AgentStatus) -> [String] {
        [
            row("host", "\(status.host) (\(status.mode))"),
            row("source", "\(status.source.url) @ \(status.source.ref)"),
            row("applied", revisionAt(status.lastAppliedRevision, status.lastAppliedAt)),
            row("attempted", revisionAt(status.lastAttemptedRevision, status.lastAttemptAt)),
            row("last success", status.lastSuccessAt.map(time) ?? "never"),
            row("last error", status.lastError.map(oneLine) ?? "none"),
            row("objects", counts(status.objects)),
        ]
    }

    static func objects(_ objects: [ObjectStatus]) -> [String] {
        guard !objects.isEmpty else { return ["no managed objects"] }
        let width = objects.map { $0.id.description.count }.max() ?? 0
        let lines = objects.sorted { $0.id < $1.id }.map { object in
            let id = object.id.description.padding(toLength: width, withPad: " ", startingAt: 0)
            return trimmed("\(pad(object.state.rawValue, 16)) \(id)  \(detail(object))")
        }
        return [pad("STATE", 16) + " OBJECT"] + lines
    }

    static func reconciles(_ reconciles: [ReconcileSummary]) -> [String] {
        guard !reconciles.isEmpty else { return ["no reconcile yet"] }
        return ["LAST RECONCILES"] + reconciles.map { reconcile in
            let seconds = reconcile.finishedAt.timeIntervalSince(reconcile.startedAt)
            var line = "\(time(reconcile.finishedAt))  \(pad(reconcile.result.rawValue, 13)) \(pad(reconcile.trigger, 8)) "
                + "\(pad(short(reconcile.revision) ?? "-", 12))  \(reconcile.changes) changed, \(reconcile.failures) failed, "
                + String(format: "%.1fs", seconds)
            if let error = reconcile.error { line += "  \(oneLine(error))" }
            return line
        }
    }

    /// What a person looks at first: the first drift (and how many more), or the error.
    static func detail(_ object: ObjectStatus) -> String {
        if let error = object.error { return oneLine(error) }
        guard !object.drift.isEmpty else { return "" }
        return AgentEvent.summary(object.drift)
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
        date.formatted(Date.VerbatimFormatStyle(
            format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) UTC",
            timeZone: .gmt, calendar: Calendar(identifier: .gregorian)))
    }

    private static func row(_ label: String, _ value: String) -> String { pad(label, 13) + value }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
    }

    private static func oneLine(_ text: String) -> String { AgentEvent.shorten(text, limit: 160) }

    private static func trimmed(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " }.reversed())
    }
}
