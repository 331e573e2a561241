/// What is measured, in the order of the table.
enum MeasurementKind: String, CaseIterable {
    case applyFirst = "apply (first)"
    case applyNoop = "apply (no-op)"
    case planNoop = "plan (no-op)"
    /// A no-op plan without the verdicts of the one before (`STATE_DIR/verdicts` removed): what the first
    /// plan after a change costs, every object compared. Shown, with no target of its own.
    case planCold = "plan (no-op, cold)"
}

/// One row of the table: the median wall and CPU times of virtsync and of its floor at one size.
struct Measurement {
    var size: Int
    var kind: MeasurementKind
    var virtsync: [Sample] = []
    var floor: [Sample] = []

    var virtsyncMedian: Duration { Self.median(virtsync.map(\.wall)) }
    var floorMedian: Duration { Self.median(floor.map(\.wall)) }
    var virtsyncCPU: Duration { Self.median(virtsync.map(\.cpu)) }
    var floorCPU: Duration { Self.median(floor.map(\.cpu)) }
    var ratio: Double { virtsyncMedian.seconds / floorMedian.seconds }

    static func median(_ samples: [Duration]) -> Duration {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .zero }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

extension Duration {
    /// Seconds as a floating-point number.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
