import VirtsyncPlan

extension AgentEvent {
    /// `preview: refs/pull/1/head at abc1234: 1 pending-restart, 2 update` (or its error).
    static func previewMessage(_ preview: PreviewStatus) -> String {
        let head = "preview: \(preview.ref) at \(preview.revision.prefix(12))"
        if let error = preview.error { return "\(head) would be refused: \(error)" }
        let counts = preview.counts.sorted { $0.key.previewRank < $1.key.previewRank }
        guard !counts.isEmpty else { return "\(head): no change on this host" }
        return "\(head): " + counts.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
    }

    /// `VIRTSYNC_REF`, `VIRTSYNC_CHANGES` (`pending-restart=1 update=2`), `VIRTSYNC_BASE_REVISION`, one
    /// `VIRTSYNC_FIELDS` line per changed field (`domain/web1 pending-restart memory: want …, have …`)
    /// and `VIRTSYNC_ERROR` when the ref would be refused.
    static func previewFields(_ preview: PreviewStatus) -> [(String, String)] {
        var fields = [("VIRTSYNC_REF", preview.ref)]
        let counts = preview.counts.sorted { $0.key.previewRank < $1.key.previewRank }
        fields.append(("VIRTSYNC_CHANGES", counts.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: " ")))
        if let base = preview.base { fields.append(("VIRTSYNC_BASE_REVISION", base)) }
        let lines = preview.steps.flatMap { step in
            step.fields.isEmpty
                ? ["\(step.object) \(step.change.rawValue)"]
                : step.fields.map { "\(step.object) \(step.change.rawValue) \(line($0))" }
        }
        if !lines.isEmpty { fields.append(("VIRTSYNC_FIELDS", lines.joined(separator: "\n"))) }
        if let error = preview.error { fields.append(("VIRTSYNC_ERROR", error)) }
        return fields
    }
}
