import Foundation

/// The benchmark's report: one row per size and measurement, then linearity and the targets.
struct Table {
    var rows: [Measurement]

    /// A no-op plan or apply may cost this much more than the bare libvirt reads.
    static let floorTarget = 1.5
    /// A first apply may cost this much more than a plain define loop: virtsync checks every document
    /// against libvirt's schemas itself (parsed once) instead of asking libvirtd to on each define.
    static let firstApplyTarget = 1.2
    /// Growing N by k may cost this much more than k times as long.
    static let linearitySlack = 1.1

    func render() -> String {
        var lines = [line("N", "measurement", "virtsync", "floor", "ratio", "cpu virtsync / floor")]
        for row in rows {
            lines.append(
                line(
                    String(row.size),
                    row.kind.rawValue,
                    Self.seconds(row.virtsyncMedian),
                    Self.seconds(row.floorMedian),
                    String(format: "%.2fx", row.ratio),
                    Self.seconds(row.virtsyncCPU) + " / " + Self.seconds(row.floorCPU)
                )
            )
        }
        if let first = rows.first(where: { $0.kind == .applyFirst }),
            let noop = rows.first(where: { $0.kind == .planNoop })
        {
            lines.append(
                "medians of \(first.virtsync.count) first applies and \(noop.virtsync.count) no-op runs per size"
            )
        }
        if let linearity = linearity() { lines.append(linearity) }
        lines.append(targets())
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(
        _ size: String,
        _ kind: String,
        _ virtsync: String,
        _ floor: String,
        _ ratio: String,
        _ cpu: String
    ) -> String {
        Self.pad(size, 5) + Self.pad(kind, 20) + Self.pad(virtsync, 12) + Self.pad(floor, 10) + Self.pad(ratio, 8) + cpu
    }

    /// Smallest against largest size, for first apply and plan.
    private func linearity() -> String? {
        let sizes = Set(rows.map(\.size)).sorted()
        guard let small = sizes.first, let large = sizes.last, small < large else { return nil }
        let target = Double(large) / Double(small) * Self.linearitySlack
        func growth(_ kind: MeasurementKind) -> String {
            guard let a = row(small, kind), let b = row(large, kind) else { return "n/a" }
            let factor = b.virtsyncMedian.seconds / a.virtsyncMedian.seconds
            return String(format: "%.1fx", factor) + (factor <= target ? "" : " OVER")
        }
        return "linearity: apply(first) N=\(large)/N=\(small) = \(growth(.applyFirst)) (target <= "
            + String(format: "%.0fx", target) + "); plan \(large)/\(small) = \(growth(.planNoop))"
    }

    private func targets() -> String {
        func verdicts(_ kind: MeasurementKind, _ limit: Double) -> String {
            rows.filter { $0.kind == kind }.map { row in
                "N=\(row.size) " + String(format: "%.2fx", row.ratio) + (row.ratio <= limit ? " ok" : " OVER")
            }.joined(separator: ", ")
        }
        let limit = String(format: "%.1fx", Self.floorTarget)
        let first = String(format: "%.1fx", Self.firstApplyTarget)
        return "targets: no-op plan <= \(limit) floor (\(verdicts(.planNoop, Self.floorTarget))); "
            + "no-op apply <= \(limit) floor (\(verdicts(.applyNoop, Self.floorTarget))); "
            + "first apply <= \(first) floor (\(verdicts(.applyFirst, Self.firstApplyTarget)))"
    }

    private func row(_ size: Int, _ kind: MeasurementKind) -> Measurement? {
        rows.first { $0.size == size && $0.kind == kind }
    }

    static func seconds(_ duration: Duration) -> String { String(format: "%.3f s", duration.seconds) }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
    }
}
