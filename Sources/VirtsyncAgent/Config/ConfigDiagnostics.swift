internal import Yams
internal import VirtsyncManifest

/// Where the walk of one config file collects its problems.
///
/// A class because every `ConfigNode` of the file reports into the same list while the tree is walked.
final class ConfigDiagnostics {
    let file: String
    private(set) var all: [ConfigError.Diagnostic] = []

    init(file: String) { self.file = file }

    func error(at mark: Mark?, _ key: String, _ message: String) {
        let location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        all.append(ConfigError.Diagnostic(location, key: key, message))
    }

    /// libyaml's problem at its position, without Yams' multi-line snippet.
    func report(_ error: YamlError) {
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
