import Foundation
public import VirtsyncManifest
import VirtsyncPlan

extension AgentEvent {
    /// `SYSLOG_IDENTIFIER` of every entry virtsync writes, so `journalctl -t virtsync` finds them.
    public static let syslogIdentifier = "virtsync"

    /// The journald fields of this event, in the order they are sent.
    ///
    /// A field whose value is unknown (a want of nothing, no revision yet) is left out rather than sent
    /// empty, so `journalctl VIRTSYNC_WANT=` never matches by accident. For drift and pending restarts
    /// `VIRTSYNC_FIELD`, `VIRTSYNC_WANT` and `VIRTSYNC_HAVE` hold the first field; `VIRTSYNC_FIELDS`
    /// lists every field, one `path: want X, have Y` line each.
    public var journalFields: [(String, String)] {
        var fields: [(String, String)] = [
            ("MESSAGE", message),
            ("PRIORITY", String(kind.priority)),
            ("MESSAGE_ID", kind.messageID),
            ("SYSLOG_IDENTIFIER", Self.syslogIdentifier),
            ("VIRTSYNC_EVENT", kind.rawValue),
        ]
        if let object { fields += Self.objectFields(object) }
        fields += detailFields
        if let revision { fields.append(("VIRTSYNC_REVISION", revision)) }
        return fields
    }

    /// One sentence for people, e.g. `drift: domain/web1 devices/disk[vdb]: want (absent), have <disk …>`.
    public var message: String {
        switch self {
        case .drift(let id, let fields, _):
            "drift: \(id) \(Self.summary(fields))"
        case .driftRepaired(let id, let fields, _):
            "drift repaired: \(id) \(Self.summary(fields))"
        case .applied(let id, let change, let revision):
            "applied: \(change.rawValue) \(id)\(Self.at(revision))"
        case .failed(let failure, let revision):
            "failed: \(failure.object)\(Self.at(revision)): \(failure.message)"
        case .reconcileFailed(let error, let revision):
            "failed: reconcile\(Self.at(revision)): \(error)"
        case .pendingRestart(let id, let fields, _):
            "pending restart: \(id) keeps its old configuration until restarted; \(Self.summary(fields))"
        case .sourceFetched(let revision, let previous, let forced):
            "source fetched: revision \(revision)"
                + (previous.map { " (was \($0)\(forced ? ", force-pushed" : ""))" } ?? "")
        case .sourceFailed(let error, let lastGood):
            "source fetch failed: \(error); " + (lastGood.map { "keeping revision \($0)" } ?? "no revision applied yet")
        case .revisionRefused(let revision, let reason):
            "revision refused: \(revision): \(reason)"
        case .healthFailed(let id, let reason, let revision):
            "health check failed: \(id)\(Self.at(revision)): \(reason)"
        case .rolledBack(let id, let previous, let revision):
            "rolled back: \(id) runs its previous definition" + (previous.map { " (revision \($0))" } ?? "")
                + (revision.map { "; revision \($0) is refused on this host until a newer one" } ?? "")
        case .previewPlanned(let preview):
            Self.previewMessage(preview)
        case .previewDropped(let ref, _):
            "preview dropped: \(ref) is gone"
        }
    }

    /// The object the event is about, if any.
    public var object: ObjectID? {
        switch self {
        case .drift(let id, _, _), .driftRepaired(let id, _, _), .applied(let id, _, _), .pendingRestart(let id, _, _):
            id
        case .failed(let failure, _):
            failure.object
        case .healthFailed(let id, _, _), .rolledBack(let id, _, _):
            id
        case .reconcileFailed, .sourceFetched, .sourceFailed, .revisionRefused, .previewPlanned, .previewDropped:
            nil
        }
    }

    /// The revision the event belongs to: for a failed fetch, the last good one that stays applied.
    public var revision: String? {
        switch self {
        case .drift(_, _, let revision), .driftRepaired(_, _, let revision), .applied(_, _, let revision),
            .pendingRestart(_, _, let revision), .failed(_, let revision), .reconcileFailed(_, let revision):
            revision
        case .sourceFetched(let revision, _, _), .revisionRefused(let revision, _):
            revision
        case .sourceFailed(_, let lastGood):
            lastGood
        case .previewPlanned(let preview):
            preview.revision
        case .previewDropped(_, let revision), .healthFailed(_, _, let revision), .rolledBack(_, _, let revision):
            revision
        }
    }

    private var detailFields: [(String, String)] {
        switch self {
        case .drift(_, let fields, _), .driftRepaired(_, let fields, _), .pendingRestart(_, let fields, _):
            Self.changeFields(fields)
        case .applied(_, let change, _):
            [("VIRTSYNC_CHANGE", change.rawValue)]
        case .failed(let failure, _):
            [("VIRTSYNC_ERROR", failure.message)]
        case .reconcileFailed(let error, _), .sourceFailed(let error, _):
            [("VIRTSYNC_ERROR", error)]
        case .sourceFetched(_, let previous, let forced):
            (previous.map { [("VIRTSYNC_PREVIOUS_REVISION", $0)] } ?? []) + [
                ("VIRTSYNC_FORCED", forced ? "true" : "false")
            ]
        case .revisionRefused(_, let reason):
            [("VIRTSYNC_REASON", reason)]
        case .healthFailed(_, let reason, _):
            [("VIRTSYNC_REASON", reason)]
        case .rolledBack(_, let previous, _):
            previous.map { [("VIRTSYNC_PREVIOUS_REVISION", $0)] } ?? []
        case .previewPlanned(let preview):
            Self.previewFields(preview)
        case .previewDropped(let ref, _):
            [("VIRTSYNC_REF", ref)]
        }
    }

    private static func objectFields(_ id: ObjectID) -> [(String, String)] {
        var fields = [
            ("VIRTSYNC_OBJECT", id.description), ("VIRTSYNC_KIND", id.kind.rawValue), ("VIRTSYNC_NAME", id.name),
        ]
        if let pool = id.pool { fields.append(("VIRTSYNC_POOL", pool)) }
        return fields
    }

    private static func changeFields(_ changes: [FieldChange]) -> [(String, String)] {
        guard let first = changes.first else { return [] }
        var fields = [("VIRTSYNC_FIELD", first.path)]
        if let want = first.want { fields.append(("VIRTSYNC_WANT", want)) }
        if let have = first.have { fields.append(("VIRTSYNC_HAVE", have)) }
        fields.append(("VIRTSYNC_FIELDS", changes.map(line).joined(separator: "\n")))
        return fields
    }

    /// `path: want X, have Y`, with `(absent)` for a side that has nothing, and a multi-line value (XML)
    /// joined into one line, so `VIRTSYNC_FIELDS` keeps one line per field.
    static func line(_ change: FieldChange) -> String {
        "\(change.path): want \(flatten(change.want ?? absent)), have \(flatten(change.have ?? absent))"
    }

    /// The lines of `value` with their indentation dropped, joined by single spaces.
    static func flatten(_ value: String) -> String {
        value.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// The first change, shortened for a one-line message, and how many more there are.
    static func summary(_ changes: [FieldChange]) -> String {
        guard let first = changes.first else { return "(no field named)" }
        let shown = "\(first.path): want \(shorten(first.want ?? absent)), have \(shorten(first.have ?? absent))"
        let more = changes.count - 1
        return more == 0 ? shown : "\(shown) (and \(more) more field\(more == 1 ? "" : "s"))"
    }

    static let absent = "(absent)"

    /// A value on one line of at most `limit` characters. An XML element longer than one start tag keeps
    /// only that tag (`<disk type='file' device='disk'>…`): the tag says which device, the rest is noise
    /// in a one-line message (the full value is in the structured fields).
    static func shorten(_ value: String, limit: Int = 60) -> String {
        let flat = flatten(value)
        if flat.hasPrefix("<"), let end = flat.firstIndex(of: ">"), flat.index(after: end) < flat.endIndex {
            let tag = flat[...end]
            if tag.count <= limit { return tag + "…" }
        }
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit - 1)) + "…"
    }

    private static func at(_ revision: String?) -> String {
        revision.map { " at revision \($0)" } ?? ""
    }
}
