import VirtsyncManifest
internal import Yams

extension Field {
    /// `source.preview: {refs: [GLOB…], maxRefs: N, minInterval: DURATION}`.
    func previewConfig() -> PreviewConfig? {
        guard let members = mapping(["refs", "maxRefs", "minInterval"]) else { return nil }
        var preview = PreviewConfig()
        var valid = true
        if let refs = members.optional("refs").flatMap({ $0.list() }) {
            let globs = refs.map { $0.refGlob() }
            if globs.contains(nil) { valid = false } else { preview.refs = globs.compactMap { $0 } }
        }
        if let node = members.optional("maxRefs") {
            if let count = node.positiveInt() { preview.maxRefs = count } else { valid = false }
        }
        if let node = members.optional("minInterval") {
            if let interval = node.duration() { preview.minInterval = interval } else { valid = false }
        }
        return valid ? preview : nil
    }

    /// A full ref name with at most one `*`, as a libgit2 refspec takes it.
    func refGlob() -> String? {
        guard let text = nonEmptyString() else { return nil }
        let expected = "a ref glob such as refs/pull/*/head (full name, at most one *)"
        guard text.hasPrefix("refs/"), text.filter({ $0 == "*" }).count <= 1,
            !text.contains(where: {
                $0 == " " || $0 == ":" || $0 == "?" || $0 == "[" || $0 == "\\" || $0 == "~" || $0 == "^"
            }),
            !text.contains("..")
        else { return mismatch(expected) }
        return text
    }

    /// A plain integer of at least 1.
    func positiveInt() -> Int? {
        guard let scalar = node.scalar, scalar.style == .plain, let value = Int(scalar.string), value >= 1 else {
            return mismatch("a whole number of at least 1")
        }
        return value
    }
}
