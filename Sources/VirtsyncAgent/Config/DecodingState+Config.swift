internal import VirtsyncManifest
internal import Yams

/// The config file is walked by the manifest decoder's `Field`, in the config's words: its entries are
/// keys, and a section left empty (`auth:`) is an empty mapping.
extension DecodingDialect {
    static let config = DecodingDialect(entry: "key", emptyIsMapping: true)
}

/// How the config's walk reports: its own syntax-error wording, and its problems as `ConfigError`s.
extension DecodingState {
    /// Every problem found so far, as the config reports them.
    var configDiagnostics: [ConfigError.Diagnostic] {
        diagnostics.map { ConfigError.Diagnostic($0.location, key: $0.field, $0.message) }
    }

    /// libyaml's problem at its position, without Yams' multi-line snippet (nor, unlike a manifest's,
    /// the context libyaml was in: a config file is short enough to read at the line).
    func reportConfigSyntax(_ error: YamlError) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            self.error(at: mark, "", "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            self.error(at: context.mark, "", "duplicate key \(keys) in one mapping")
        default:
            self.error(at: nil, "", "YAML syntax error: \(error)")
        }
    }
}
