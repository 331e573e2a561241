internal import Yams

/// Turns one composed YAML document into a `Manifest`: the envelope (`apiVersion`, `kind`, `metadata`)
/// here, the `spec` by the decoder of its kind.
enum DocumentDecoder {
    static let apiVersion = "virtsync/v1"

    /// Nil when the document is empty or has any error (all of them reported into `state`).
    static func decode(_ root: Node, state: DecodingState) -> Manifest? {
        let errorsBefore = state.errorCount
        state.locations = [:]
        let document = Field(node: root, path: "", anchor: root.mark, state: state)
        if document.isNull { return nil }
        guard let envelope = document.mapping(["apiVersion", "kind", "metadata", "spec"]) else { return nil }
        let version = envelope.required("apiVersion")?.string()
        if let version, version != apiVersion {
            envelope.optional("apiVersion")?.error("expected '\(apiVersion)', got '\(version)'")
        }
        let kind = envelope.required("kind").flatMap(readKind)
        let metadata = envelope.required("metadata").flatMap(readMetadata)
        let spec = envelope.required("spec").flatMap { field in
            kind.flatMap { readSpec(field, kind: $0, name: metadata?.name) }
        }
        guard let metadata, let spec, state.errorCount == errorsBefore else { return nil }
        let start = envelope.optional("apiVersion")?.anchor ?? root.mark
        var manifest = Manifest(metadata: metadata, spec: spec, origin: .yaml, location: state.location(start))
        manifest.fieldLocations = state.locations
        return manifest
    }

    private static func readKind(_ field: Field) -> ManifestKind? {
        guard let text = field.string() else { return nil }
        if let kind = ManifestKind(rawValue: text) { return kind }
        let names = ManifestKind.allCases.map(\.rawValue)
        field.error("unknown kind '\(text)'; \(Suggestion.hint(for: text, in: names))")
        return nil
    }

    private static func readMetadata(_ field: Field) -> ObjectMeta? {
        guard let meta = field.mapping(["name", "hosts", "labels", "annotations"]) else { return nil }
        let name = meta.required("name")?.string()
        let hosts = meta.optional("hosts").map { $0.stringList() } ?? []
        let labels = meta.optional("labels").map { $0.stringMap() } ?? [:]
        let annotations = meta.optional("annotations").map { $0.stringMap() } ?? [:]
        guard let name, let hosts, let labels, let annotations else { return nil }
        return ObjectMeta(name: name, hosts: hosts, labels: labels, annotations: annotations)
    }

    private static func readSpec(_ field: Field, kind: ManifestKind, name: String?) -> ManifestSpec? {
        if field.node.mapping?["xml"] != nil {
            return RawXMLSpec(reading: field, kind: kind, name: name).map(ManifestSpec.rawXML)
        }
        switch kind {
        case .network: return NetworkSpec(reading: field).map(ManifestSpec.network)
        case .storagePool: return StoragePoolSpec(reading: field).map(ManifestSpec.storagePool)
        case .volume: return VolumeSpec(reading: field).map(ManifestSpec.volume)
        case .domain: return DomainSpec(reading: field).map(ManifestSpec.domain)
        }
    }
}
