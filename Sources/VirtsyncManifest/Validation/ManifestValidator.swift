internal import LibvirtXML

/// Checks a whole set of loaded manifests: names, duplicates, references between objects, paths, and
/// the rules a single spec cannot express in its types (`currentMemory <= memory`, topology = vcpus…).
///
/// Pure: what the host has comes in through `ValidationContext`. Findings are sorted by position.
public enum ManifestValidator {
    public static func validate(_ manifests: [Manifest], context: ValidationContext) -> [ManifestError] {
        validateNotingHostUse(manifests, context: context).findings
    }

    /// The findings, and whether the host could change them: true when a manifest uses an object no
    /// manifest declares (only such a use is looked up on the host). A caller that validated without a
    /// host, and learns it could not, need not validate the same manifests again with one.
    public static func validateNotingHostUse(
        _ manifests: [Manifest],
        context: ValidationContext
    ) -> (findings: [ManifestError], hostCanChange: Bool) {
        let scope = ValidationScope(
            declared: Set(manifests.map(\.id)),
            hostObjects: context.hostObjects,
            allowedPrefixes: context.allowedPaths + manifests.compactMap(poolTargetPath)
        )
        var findings = duplicates(in: manifests)
        for manifest in manifests {
            findings += check(manifest, scope: scope)
        }
        return (findings.sortedByLocation(), scope.undeclaredUses.found)
    }

    private static func check(_ manifest: Manifest, scope: ValidationScope) -> [ManifestError] {
        var findings = Findings(manifest)
        if let problem = NameRule.problem(with: manifest.metadata.name, kind: manifest.kind) {
            findings.error("metadata.name", problem)
        }
        switch manifest.spec {
        case .network(let spec): spec.validate(into: &findings)
        case .storagePool(let spec): spec.validate(into: &findings)
        case .volume(let spec): spec.validate(scope: scope, into: &findings)
        case .domain(let spec): spec.validate(scope: scope, into: &findings)
        case .rawXML(let spec): spec.validate(scope: scope, origin: manifest.origin, into: &findings)
        }
        return findings.items
    }

    /// One object defined twice is an error at the later place, naming the earlier one.
    private static func duplicates(in manifests: [Manifest]) -> [ManifestError] {
        var first: [ObjectID: Manifest] = [:]
        var errors: [ManifestError] = []
        let ordered = manifests.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.location, rhs.element.location)
            return (a.file, a.line, a.column, lhs.offset) < (b.file, b.line, b.column, rhs.offset)
        }
        for (_, manifest) in ordered {
            guard let earlier = first[manifest.id] else {
                first[manifest.id] = manifest
                continue
            }
            let pool = manifest.id.pool.map { " in pool '\($0)'" } ?? ""
            let message =
                "duplicate \(manifest.kind.rawValue) '\(manifest.metadata.name)'\(pool) "
                + "(also defined at \(earlier.location))"
            errors.append(ManifestError(manifest.location(of: "metadata.name"), field: "metadata.name", message))
        }
        return errors
    }

    /// A declared pool's directory is as good a place for images as the configured prefixes.
    private static func poolTargetPath(_ manifest: Manifest) -> String? {
        switch manifest.spec {
        case .storagePool(let spec): spec.targetPath
        case .rawXML(let raw) where raw.kind == .storagePool: raw.xml.descendant("target/path")?.text
        default: nil
        }
    }
}
