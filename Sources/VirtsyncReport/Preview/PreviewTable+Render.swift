import Foundation
import VirtsyncManifest
import VirtsyncPlan

extension PreviewTable {
    /// For a terminal: aligned columns, then the hosts without rows.
    public func text() -> String {
        var lines = ["preview of \(ref)" + (revision.map { " at \($0.prefix(12))" } ?? "")]
        if rows.isEmpty {
            lines.append("no host would change anything")
        } else {
            let table =
                [["HOST", "OBJECT", "CHANGE", "FIELDS"]]
                + rows.map { row in
                    [row.host, row.object.description, row.change.rawValue, Self.fields(row, limit: 60)]
                }
            let widths = (0..<3).map { column in table.map { $0[column].count }.max() ?? 0 }
            for cells in table {
                let padded = (0..<3).map { cells[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                lines.append((padded + [cells[3]]).joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            }
        }
        lines += hosts.map { note in "\(note.host): \(Self.describe(note))" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// For a pull-request comment (GitHub, Gitea and GitLab render it alike).
    public func markdown() -> String {
        var lines = ["### virtsync preview of `\(ref)`" + (revision.map { " at `\($0.prefix(12))`" } ?? ""), ""]
        let disruptive = rows.filter { $0.change.isDisruptive }
        if !disruptive.isEmpty {
            let hosts = Set(disruptive.map(\.host)).count
            lines += [
                "**\(disruptive.count) restart, replace or destroy on \(hosts) host\(hosts == 1 ? "" : "s")**", "",
            ]
        }
        if rows.isEmpty {
            lines.append("No host would change anything.")
        } else {
            lines += ["| host | object | change | fields |", "|---|---|---|---|"]
            lines += rows.map { row in
                let change = row.change.isDisruptive ? "**\(row.change.rawValue)**" : row.change.rawValue
                let fields = ([Self.fields(row, limit: 80)] + row.notes).filter { !$0.isEmpty }
                    .map { Self.cell($0) }.joined(separator: "<br>")
                return "| \(Self.cell(row.host)) | `\(row.object)` | \(change) | \(fields) |"
            }
        }
        if !hosts.isEmpty {
            lines.append("")
            lines += hosts.map { note in "- **\(Self.cell(note.host))**: \(Self.cell(Self.describe(note)))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as data, for scripts.
    public func json() throws -> String {
        String(decoding: try StatusFile.jsonEncoder().encode(self), as: UTF8.self) + "\n"
    }

    /// `memory: 65536 → 131072; vcpu: 1 → 2`, each value on one line and shortened.
    static func fields(_ row: Row, limit: Int) -> String {
        row.fields.map { change in
            "\(change.path): \(AgentEvent.shorten(change.have ?? AgentEvent.absent, limit: limit)) → "
                + AgentEvent.shorten(change.want ?? AgentEvent.absent, limit: limit)
        }.joined(separator: "; ")
    }

    static func describe(_ note: HostNote) -> String {
        switch note.state {
        case .unchanged: "no change"
        case .pending: "not planned yet (\(note.detail ?? "no preview"))"
        case .refused: "would refuse this revision: \(AgentEvent.flatten(note.detail ?? ""))"
        case .unreachable: "unreachable: \(note.detail ?? "")"
        }
    }

    /// Text safe inside a Markdown table cell: no pipe, no line break, no HTML.
    static func cell(_ text: String) -> String {
        AgentEvent.flatten(text).replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
