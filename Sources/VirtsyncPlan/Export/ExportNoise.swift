public import LibvirtXML
public import VirtsyncManifest

/// What an export leaves out of a definition libvirt reports: what identifies this one copy (UUIDs, a
/// volume's key and path) and what changes by itself (a pool's free space, a volume's allocation and
/// timestamps, the owner libvirt gives a running VM's image). Kept in a manifest, the first would pin
/// it to one host and the second would show as drift on its own. virtsync's own ownership mark goes too.
public enum ExportNoise {
    /// Paths of elements dropped, per kind (`a/b`: child `b` of child `a`).
    static let paths: [ManifestKind: [String]] = [
        .domain: ["uuid"],
        .network: ["uuid"],
        .storagePool: ["uuid", "capacity", "allocation", "available"],
        .volume: ["key", "allocation", "physical", "target/path", "target/timestamps", "target/permissions"],
    ]

    /// The definition without the noise of its kind.
    public static func removed(from xml: XElement, kind: ManifestKind) -> XElement {
        var result = kind == .domain ? OwnershipMark.removed(from: xml) : xml
        for path in paths[kind] ?? [] {
            result = Self.removing(path.split(separator: "/").map(String.init)[...], from: result)
        }
        return result
    }

    private static func removing(_ path: ArraySlice<String>, from element: XElement) -> XElement {
        guard let first = path.first else { return element }
        var result = element
        if path.count == 1 {
            result.children.removeAll { $0.name == first }
        } else {
            result.children = result.children.map { $0.name == first ? removing(path.dropFirst(), from: $0) : $0 }
        }
        return result
    }
}
