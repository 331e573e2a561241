public import VirtsyncManifest
public import VirtsyncPlan

/// One ref's previews from every host, as one table for a pull request: a row per host and object,
/// restarts, replaces and destroys first; and the hosts that have nothing to show yet, named.
///
/// Pure: `virtsync preview` gathers the `PreviewReport`s (from agents or through Prometheus) and prints
/// this table as text, Markdown or JSON.
public struct PreviewTable: Sendable, Hashable, Codable {
    /// One host's change of one object.
    public struct Row: Sendable, Hashable, Codable {
        public var host: String
        public var object: ObjectID
        public var change: ChangeClass
        public var fields: [FieldChange]
        public var notes: [String]
    }

    /// A host with no rows to show: in sync, waiting, refusing or out of reach.
    public struct HostNote: Sendable, Hashable, Codable {
        public enum State: String, Sendable, Hashable, Codable {
            /// Planned the revision: nothing changes there.
            case unchanged
            /// Has not planned this revision yet (another one, or none).
            case pending
            /// Would refuse the revision (invalid for this host, too many destroys, unsigned).
            case refused
            /// Could not be asked.
            case unreachable

            /// What a reviewer must act on first.
            var rank: Int { [.refused, .unreachable, .pending, .unchanged].firstIndex(of: self)! }
        }
        public var host: String
        public var state: State
        public var detail: String?
    }

    public var ref: String
    /// The revision shown: the one asked for, else the one most hosts planned.
    public var revision: String?
    public var rows: [Row]
    public var hosts: [HostNote]

    /// Where a report came from (an agent's address) and what it said, or why it could not be had.
    public typealias Answer = (address: String, report: Result<PreviewReport, any Error>)

    public init(ref: String, revision wanted: String?, answers: [Answer]) {
        self.ref = ref
        let previews = answers.compactMap { answer -> (String, PreviewStatus?)? in
            guard case .success(let report) = answer.report else { return nil }
            return (report.host, report.previews.first { $0.ref == ref })
        }
        revision = wanted ?? Self.mostCommon(previews.compactMap { $0.1?.revision })
        rows = []
        hosts = []
        for answer in answers {
            guard case .success(let report) = answer.report else {
                if case .failure(let error) = answer.report {
                    hosts.append(HostNote(host: answer.address, state: .unreachable, detail: "\(error)"))
                }
                continue
            }
            add(report.host, report.previews.first { $0.ref == ref })
        }
        rows.sort { ($0.change.previewRank, $0.host, $0.object) < ($1.change.previewRank, $1.host, $1.object) }
        hosts.sort { ($0.state.rank, $0.host) < ($1.state.rank, $1.host) }
    }

    private mutating func add(_ host: String, _ preview: PreviewStatus?) {
        guard let preview, let revision, Self.same(preview.revision, revision) else {
            let detail = preview.map { "planned \($0.revision.prefix(12))" } ?? "no preview of \(ref) yet"
            hosts.append(HostNote(host: host, state: .pending, detail: detail))
            return
        }
        if let error = preview.error { hosts.append(HostNote(host: host, state: .refused, detail: error)) }
        for step in preview.steps {
            rows.append(
                Row(host: host, object: step.object, change: step.change, fields: step.fields, notes: step.notes)
            )
        }
        if preview.steps.isEmpty && preview.error == nil { hosts.append(HostNote(host: host, state: .unchanged)) }
    }

    /// Whether any host would restart, replace or destroy something: `virtsync preview` exits 2.
    public var isDisruptive: Bool { rows.contains { $0.change.isDisruptive } }
    /// Whether a host would refuse the revision or could not be asked: `virtsync preview` exits 1.
    public var hasProblems: Bool { hosts.contains { $0.state == .refused || $0.state == .unreachable } }
    /// Hosts that have not planned the revision yet.
    public var pending: [String] { hosts.filter { $0.state == .pending }.map(\.host) }

    /// A full id and an abbreviation of it (`git rev-parse --short`) name the same commit.
    static func same(_ full: String, _ wanted: String) -> Bool {
        wanted.count >= 4 && full.lowercased().hasPrefix(wanted.lowercased())
    }

    private static func mostCommon(_ values: [String]) -> String? {
        let counts = values.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
