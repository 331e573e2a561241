public import LibvirtXML

/// virtsync's mark in a domain's `<metadata>`: which manifest and revision it was applied from.
///
/// It rides in the XML that `define` sends, so marking costs no extra write, and it survives in libvirt's
/// own definition, so a domain stays recognisably managed even if the inventory file is lost.
public enum OwnershipMark {
    public static let namespace = "https://virtsync.io/xmlns/domain/1"
    static let prefix = "virtsync"

    /// The `<metadata>` child that marks a domain.
    public static func element(manifest: String, revision: String?) -> XElement {
        var mark = XElement("\(prefix):managed", ["xmlns:\(prefix)": namespace])
        mark.append(
            XElement("\(prefix):manifest", text: manifest),
            revision.map { XElement("\(prefix):revision", text: $0) }
        )
        return mark
    }

    /// The domain document with the mark set (replacing an older mark, keeping other metadata).
    public static func stamp(_ domain: XElement, manifest: String, revision: String?) -> XElement {
        var result = domain
        var metadata = domain.child("metadata") ?? XElement("metadata")
        metadata.children.removeAll(where: isMark)
        metadata.children.append(element(manifest: manifest, revision: revision))
        result.setChild("metadata", metadata)
        return result
    }

    /// The domain document without the mark (and without `<metadata>` when nothing else was in it).
    public static func removed(from domain: XElement) -> XElement {
        guard var metadata = domain.child("metadata") else { return domain }
        metadata.children.removeAll(where: isMark)
        var result = domain
        result.setChild("metadata", metadata.children.isEmpty ? nil : metadata)
        return result
    }

    /// Whether a domain document carries the mark (under any prefix libvirt chose to print).
    public static func isMarked(_ domain: XElement) -> Bool {
        domain.child("metadata")?.children.contains(where: isMark) ?? false
    }

    private static func isMark(_ element: XElement) -> Bool {
        element.name.hasSuffix(":managed")
            && element.attributes.contains { $0.name.hasPrefix("xmlns") && $0.value == namespace }
    }
}
