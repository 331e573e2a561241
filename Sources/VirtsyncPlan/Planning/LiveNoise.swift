import LibvirtXML

/// Differences between a manifest and a running domain's live XML that are not configuration:
/// values libvirt assigns at start. Filtered out before deciding whether a restart is pending.
enum LiveNoise {
    static func filter(_ changes: [FieldChange], want: XElement) -> [FieldChange] {
        changes.filter { !isNoise($0, want: want) }
    }

    static func isNoise(_ change: FieldChange, want: XElement) -> Bool {
        let path = XMLComparator.schemaPath(change.path)
        // An autoport console gets a real port at start (`port='-1'` → `port='5900'`).
        if path == "devices/graphics@port", change.want == "-1" { return true }
        // The live balloon size is what the guest reports: without a balloon driver it never moves, so
        // comparing it would re-issue the same request on every pass. The definition's value is compared.
        if path == "currentMemory" { return true }
        return false
    }
}
