extension StatusPrinter {
    /// `PREVIEWS`: one line per ref, as its journald message says it; nothing when previews are off.
    static func previews(_ previews: [PreviewStatus]?) -> [String] {
        guard let previews else { return [] }
        let lines =
            previews.isEmpty
            ? ["no preview ref open"]
            : previews.map { AgentEvent.previewMessage($0).replacing("preview: ", with: "", maxReplacements: 1) }
        return ["", "PREVIEWS"] + lines.map { AgentEvent.shorten($0, limit: 160) }
    }
}
