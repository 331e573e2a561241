/// An XML element as a plain value: name, ordered attributes, child elements and text.
///
/// libvirt's documents (domain, network, pool, volume) are element trees with no mixed content,
/// so this is all the plan needs: a `Sendable`, `Hashable` value that can be compared, patched
/// and printed. (Named `XElement` so it never clashes with FoundationXML's `XMLElement`.)
public struct XElement: Sendable, Hashable, Codable {
    /// One attribute; order is kept as read so printed XML stays close to the input.
    public struct Attribute: Sendable, Hashable, Codable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var name: String
    public var attributes: [Attribute]
    public var children: [XElement]
    /// Trimmed character data of a leaf element (`<memory unit='KiB'>2048</memory>`), else nil.
    public var text: String?

    public init(_ name: String, attributes: [Attribute] = [], children: [XElement] = [], text: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// Builds an element from `(name, value)` pairs; nil values are left out, which keeps renderers short.
    public init(
        _ name: String,
        _ attributes: KeyValuePairs<String, String?>,
        children: [XElement] = [],
        text: String? = nil
    ) {
        self.init(
            name,
            attributes: attributes.compactMap { pair in pair.value.map { Attribute(pair.key, $0) } },
            children: children,
            text: text
        )
    }

    public subscript(attribute name: String) -> String? {
        get { attributes.first { $0.name == name }?.value }
        set {
            if let index = attributes.firstIndex(where: { $0.name == name }) {
                if let newValue { attributes[index].value = newValue } else { attributes.remove(at: index) }
            } else if let newValue {
                attributes.append(Attribute(name, newValue))
            }
        }
    }

    /// The first child named `name`.
    public func child(_ name: String) -> XElement? { children.first { $0.name == name } }

    /// All children named `name`, in document order.
    public func children(_ name: String) -> [XElement] { children.filter { $0.name == name } }

    /// Follows a slash-separated path of child names (`os/type`).
    public func descendant(_ path: String) -> XElement? {
        var node: XElement? = self
        for part in path.split(separator: "/") { node = node?.child(String(part)) }
        return node
    }

    /// Replaces the first child named `name` (or appends one); nil removes every child of that name.
    public mutating func setChild(_ name: String, _ element: XElement?) {
        if let index = children.firstIndex(where: { $0.name == name }) {
            if let element { children[index] = element } else { children.removeAll { $0.name == name } }
        } else if let element {
            children.append(element)
        }
    }

    /// Appends children, skipping nils, so renderers can write optional parts inline.
    public mutating func append(_ elements: XElement?...) {
        children.append(contentsOf: elements.compactMap { $0 })
    }
}
