internal import Yams

/// Parses manifest files into `Manifest` values, reporting every problem it can find with its position.
///
/// Pure: it takes file texts (the source reads them from disk or git). YAML files may hold several
/// `---` documents; `.xml` files are bare libvirt XML. A document with any error yields no manifest,
/// but reading goes on, so one bad document never hides the problems of the others.
public enum ManifestLoader {
    /// Files are independent, so they are parsed on every core; results keep the files' order.
    public static func load(_ files: [ManifestFile]) -> ManifestLoadResult {
        let all = files.concurrentMap { load($0) }
        var manifests = all.flatMap(\.manifests)
        let links = ManifestLinks.resolve(&manifests)
        return ManifestLoadResult(manifests: manifests, diagnostics: all.flatMap(\.diagnostics) + links)
    }

    private static func load(_ file: ManifestFile) -> (manifests: [Manifest], diagnostics: [ManifestError]) {
        let state = DecodingState(file: file.path, text: file.text)
        let manifests =
            file.isBareXML
            ? BareXMLDecoder.decode(file, state: state).map { [$0] } ?? [] : loadYAML(file.text, state: state)
        return (manifests, state.diagnostics)
    }

    private static func loadYAML(_ text: String, state: DecodingState) -> [Manifest] {
        var manifests: [Manifest] = []
        for document in YAMLDocumentSplitter.documents(in: text) {
            do {
                // An explicit encoding: Yams' default reads the whole process environment on every parser.
                // The basic resolver: Yams' default tries up to seven ICU regular expressions on every
                // scalar (a third of the loading time at 500 files); a manifest's fields are typed by the
                // schema, so `Field` reads integers, booleans and nulls from plain scalars itself.
                let parser = try Parser(yaml: document, resolver: .basic, encoding: .utf8)
                while let root = try parser.nextRoot() {
                    manifests += DocumentDecoder.decode(root, state: state).map { [$0] } ?? []
                }
            } catch let error as YamlError {
                report(error, state: state)
            } catch {
                state.error(at: nil, "", "YAML syntax error: \(error)")
            }
        }
        return manifests
    }

    /// libyaml's problem and context, at the problem's position, without Yams' multi-line snippet.
    private static func report(_ error: YamlError, state: DecodingState) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            state.error(at: mark, "", "YAML syntax error: \(problem)\(during)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            state.error(at: context.mark, "", "duplicate key \(keys) in one mapping")
        case .reader(let problem, _, _, _):
            state.error(at: nil, "", "YAML cannot be read: \(problem)")
        default:
            state.error(at: nil, "", "YAML syntax error: \(error)")
        }
    }
}
