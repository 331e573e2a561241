import LibXML2
import LibvirtXML
public import VirtsyncManifest
public import VirtsyncPlan

/// Checks XML against libvirt's own schemas before libvirt sees it, without libvirtd.
///
/// libvirt's parser ignores what it does not know: an attribute spelled wrong is dropped without a word,
/// and the manifest then differs from the host forever. The schema knows every element and attribute
/// libvirt reads, so a document that passes it is one libvirt keeps whole. virtsync defines without
/// libvirtd's own VALIDATE flags (which parse the schema again on every define) and checks here instead.
public enum SchemaValidator {
    /// At most this many problems per document: libxml2 reports one mistake at every enclosing element.
    static let problemsPerDocument = 3

    /// Every manifest's document: a bare `.xml` file as written (its lines are the file's), anything else
    /// as rendered, reported at the manifest with the element's path.
    public static func validate(_ manifests: [Manifest], files: [ManifestFile] = []) -> [ManifestError] {
        let texts = Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
        var errors: [ManifestError] = []
        for manifest in manifests {
            if manifest.origin == .bareXML, let text = texts[manifest.location.file] {
                errors += check(text, kind: manifest.kind, manifest: manifest, linesAreFile: true)
            } else {
                errors += check(Renderer.render(manifest).xmlString(), kind: manifest.kind, manifest: manifest)
            }
        }
        return errors
    }

    /// The documents a plan would define or create from libvirt XML the user wrote (bare `.xml`, `spec.xml`),
    /// as they would be sent: what replaces libvirtd's VALIDATE flags. Only planned writes are checked, so a
    /// plan with nothing to do parses no schema. Documents virtsync renders from typed fields are its own
    /// output: every rendering golden is checked against the schemas by the tests, and `virtsync validate`
    /// checks them too, so a first apply of typed manifests costs what plain defines do.
    public static func validate(_ plan: Plan, manifests: [Manifest]) -> [ManifestError] {
        guard plan.steps.contains(where: { !$0.operations.isEmpty }) else { return [] }
        var byID: [ObjectID: Manifest] = [:]
        for manifest in manifests {
            if case .rawXML = manifest.spec { byID[manifest.id] = manifest }
        }
        var errors: [ManifestError] = []
        for step in plan.steps {
            guard let manifest = byID[step.id] else { continue }
            for operation in step.operations {
                switch operation {
                case .define(let xml), .createVolume(let xml, _):
                    errors += check(xml, kind: step.id.kind, manifest: manifest)
                default: continue
                }
            }
        }
        return errors
    }

    /// The problems of one document as manifest errors; a schema that cannot be read is one warning.
    static func check(
        _ text: String,
        kind: ManifestKind,
        manifest: Manifest,
        linesAreFile: Bool = false
    ) -> [ManifestError] {
        let schema: RelaxNGSchema
        switch LibvirtSchemas.schema(for: kind) {
        case .success(let parsed): schema = parsed
        case .failure(let error):
            return [
                ManifestError(
                    manifest.location,
                    field: "",
                    "not checked against libvirt's schema: \(error)",
                    severity: .warning
                )
            ]
        }
        var seen: Set<String> = []
        var errors: [ManifestError] = []
        for problem in schema.problems(in: text, name: manifest.location.file)
        where seen.insert(problem.message + problem.path).inserted {
            var location = manifest.location
            if linesAreFile && problem.line > 0 {
                location = SourceLocation(file: location.file, line: problem.line, column: 1)
            }
            errors.append(
                ManifestError(
                    location,
                    field: problem.path,
                    "libvirt's schema (\(LibvirtSchemas.fileName(of: kind))): \(problem.message)"
                )
            )
            if errors.count == problemsPerDocument { break }
        }
        return errors
    }
}
