/// What differs between the YAML files `Field` walks: manifests, and the agent's config (which reads
/// them through the same walker so that both report problems the same way).
package struct DecodingDialect: Sendable {
    /// What a mapping's entries are called in messages (`unknown field`, `required key is missing`).
    package var entry: String
    /// Whether an empty value (`auth:`) reads as an empty mapping rather than as a mistake: the config
    /// documents sections that may be left empty; a manifest's schema never needs one.
    package var emptyIsMapping: Bool

    package init(entry: String, emptyIsMapping: Bool) {
        self.entry = entry
        self.emptyIsMapping = emptyIsMapping
    }

    package static let manifest = DecodingDialect(entry: "field", emptyIsMapping: false)
}
