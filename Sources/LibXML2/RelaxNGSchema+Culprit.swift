internal import CLibxml2

#if canImport(Glibc)
import Glibc
#endif

/// libxml2's RelaxNG messages for a document that breaks an `interleave` (which libvirt's schemas use
/// everywhere) name the enclosing element, not the mistake: "Element domain failed to validate content".
/// So when a document fails, the one attribute or element whose removal makes it valid is looked for,
/// attributes first, then elements from the deepest up: that is the field the user got wrong.
extension RelaxNGSchema {
    /// At most this many trial validations per document (a large domain has a few hundred nodes).
    static let culpritSearchLimit = 600

    /// The problem that names the culprit, or nil when no single removal makes the document valid
    /// (a required element missing, a bad value where the element is required).
    func culprit(in document: xmlDocPtr) -> SchemaProblem? {
        guard let root = xmlDocGetRootElement(document) else { return nil }
        var elements: [xmlNodePtr] = []
        Self.collect(root, into: &elements)
        var trials = 0
        for element in elements.reversed() {
            for attribute in Self.attributes(of: element) {
                trials += 1
                if trials > Self.culpritSearchLimit { return nil }
                if let problem = tryWithout(attribute: attribute, of: element, in: document) { return problem }
            }
        }
        for element in elements.reversed() where element != root {
            trials += 1
            if trials > Self.culpritSearchLimit { return nil }
            if let problem = tryWithout(element: element, in: document) { return problem }
        }
        return nil
    }

    /// Elements in document order, parents before their children.
    private static func collect(_ node: xmlNodePtr, into elements: inout [xmlNodePtr]) {
        elements.append(node)
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { collect(current, into: &elements) }
            child = current.pointee.next
        }
    }

    private static func attributes(of element: xmlNodePtr) -> [xmlAttrPtr] {
        var result: [xmlAttrPtr] = []
        var attribute = element.pointee.properties
        while let current = attribute {
            result.append(current)
            attribute = current.pointee.next
        }
        return result
    }

    private func tryWithout(attribute: xmlAttrPtr, of element: xmlNodePtr, in document: xmlDocPtr) -> SchemaProblem? {
        let node = UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)
        xmlUnlinkNode(node)
        let valid = isValid(document)
        // xmlAddChild puts an attribute node back into the element's properties.
        xmlAddChild(element, node)
        guard valid else { return nil }
        let name = String(cString: attribute.pointee.name)
        let value = attribute.pointee.children.flatMap { $0.pointee.content }.map { String(cString: $0) } ?? ""
        return SchemaProblem(
            line: Int(xmlGetLineNo(element)),
            path: Self.path(of: element),
            message:
                "attribute \(name)='\(value)' is not valid here (not one libvirt knows, or a value it does not accept)"
        )
    }

    private func tryWithout(element: xmlNodePtr, in document: xmlDocPtr) -> SchemaProblem? {
        let parent = element.pointee.parent
        let previous = element.pointee.prev
        let next = element.pointee.next
        xmlUnlinkNode(element)
        let valid = isValid(document)
        if let previous {
            xmlAddNextSibling(previous, element)
        } else if let next {
            xmlAddPrevSibling(next, element)
        } else if let parent {
            xmlAddChild(parent, element)
        }
        guard valid else { return nil }
        let name = String(cString: element.pointee.name)
        return SchemaProblem(
            line: Int(xmlGetLineNo(element)),
            path: Self.path(of: element),
            message: "element <\(name)> is not valid here (not one libvirt knows in this place, or its content is not)"
        )
    }

    static func path(of node: xmlNodePtr) -> String {
        guard let cPath = xmlGetNodePath(node) else { return "" }
        // libxml2's default allocator is malloc; its `xmlFree` is a C global Swift 6 cannot touch safely.
        defer { free(cPath) }
        return String(cString: cPath)
    }
}
