public import LibvirtXML

/// Keeps of libvirt's spelling of a document only the fields the manifest's own document speaks about.
///
/// A round trip through libvirt's parser fills in what the manifest left to libvirt: a UUID, generated
/// MACs, an `arch`, a default video card. Those values belong to the driver that answered (the test
/// driver says `i686` where QEMU says `x86_64`) and are not the manifest's to compare. The manifest's
/// document gives a shape: for each path of element names, the attributes it sets, whether it has text,
/// and which children it names. Every member of a repeated element adds to the same shape, so a list
/// libvirt splits or reorders (`vcpusched` per vCPU, disks sorted by bus) is kept whole.
public enum CanonicalProjection {
    /// `canonical` without what `original` never mentions.
    public static func project(_ canonical: XElement, onto original: XElement) -> XElement {
        Shape(original).project(canonical, parent: "")
    }

    /// Attributes libvirt's generic parser fills in that the comparison pairs list members by, kept even
    /// when the manifest leaves them out (by element name, or `parent/element`): an `<input type='tablet'/>`
    /// is `bus='usb'` and a console's target `port='0'` in every driver, and without them the member would
    /// pair with nothing on the host.
    static let pairingAttributes: [String: Set<String>] = ["input": ["bus"], "console/target": ["port"]]

    /// The attribute names, text and children that the members of one element path use.
    struct Shape {
        var attributes: Set<String> = []
        var hasText = false
        var children: [String: Shape] = [:]

        init(_ element: XElement) { add(element) }

        private mutating func add(_ element: XElement) {
            for attribute in element.attributes { attributes.insert(attribute.name) }
            if element.text != nil { hasText = true }
            for child in element.children {
                if children[child.name] == nil {
                    children[child.name] = Shape(child)
                } else {
                    children[child.name]!.add(child)
                }
            }
        }

        func project(_ element: XElement, parent: String) -> XElement {
            let kept = (CanonicalProjection.pairingAttributes[element.name] ?? [])
                .union(CanonicalProjection.pairingAttributes["\(parent)/\(element.name)"] ?? [])
            return XElement(
                element.name,
                attributes: element.attributes.filter { attributes.contains($0.name) || kept.contains($0.name) },
                children: element.children.compactMap { child in
                    children[child.name]?.project(child, parent: element.name)
                },
                text: hasText ? element.text : nil
            )
        }
    }
}
