/// The problems found in one manifest, each placed at the field it is about.
struct Findings {
    let manifest: Manifest
    private(set) var items: [ManifestError] = []

    init(_ manifest: Manifest) { self.manifest = manifest }

    mutating func error(_ field: String, _ message: String) {
        items.append(ManifestError(manifest.location(of: field), field: field, message))
    }

    mutating func warning(_ field: String, _ message: String) {
        items.append(ManifestError(manifest.location(of: field), field: field, message, severity: .warning))
    }
}
