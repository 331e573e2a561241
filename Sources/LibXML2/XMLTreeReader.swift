internal import CLibxml2
public import LibvirtXML

/// Reads an XML document into an `XElement` with libxml2's tree parser.
///
/// The same tree `XElement(parsing:)` builds with FoundationXML (names with their prefix, namespace
/// declarations as `xmlns`/`xmlns:PREFIX` attributes, attributes sorted by name, entities substituted,
/// text and CDATA joined and trimmed, comments and processing instructions dropped), at a fraction of
/// the cost: FoundationXML turns every SAX event into Swift strings and dictionaries, which was a fifth
/// of a no-op plan of 500 domains. The pure core keeps FoundationXML (it has no C); the edge that reads
/// libvirt's definitions on every plan uses this. `LibXML2Tests` checks both give equal trees.
public enum XMLTreeReader {
    public static func element(parsing text: String) throws(XMLParseError) -> XElement {
        initialize
        guard let parser = xmlNewParserCtxt() else {
            throw XMLParseError(message: "libxml2 could not make a parser", line: 0, column: 0)
        }
        defer { xmlFreeParserCtxt(parser) }
        // The first error is the one to fix (the context keeps only the last): libxml2 2.9 has no
        // per-parser structured handler, so the per-thread one is set for this call and cleared after it.
        let first = FirstError()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(first).toOpaque(), FirstError.callback)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        // NOENT as FoundationXML asks (entities substituted); no network; errors kept in the context
        // (NOERROR/NOWARNING), not printed on stderr.
        let options = Int32(
            XML_PARSE_NOENT.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
                | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let count = Int32(text.utf8.count)
        let document = withExtendedLifetime(first) {
            text.withCString { xmlCtxtReadMemory(parser, $0, count, nil, nil, options) }
        }
        guard let document, parser.pointee.wellFormed != 0, let root = xmlDocGetRootElement(document) else {
            if let document { xmlFreeDoc(document) }
            throw first.error ?? XMLParseError(message: "no root element (or an element is never closed)", line: 0, column: 0)
        }
        defer { xmlFreeDoc(document) }
        return element(root)
    }

    private static func element(_ node: xmlNodePtr) -> XElement {
        var result = XElement(qualified(node.pointee.name, node.pointee.ns), attributes: attributes(node))
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: result.children.append(element(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            default: break  // comments, processing instructions
            }
            child = current.pointee.next
        }
        let trimmed = XElement.trimmedText(text)
        result.text = trimmed.isEmpty ? nil : trimmed
        return result
    }

    private static func attributes(_ node: xmlNodePtr) -> [XElement.Attribute] {
        var attributes: [XElement.Attribute] = []
        var declaration = node.pointee.nsDef
        while let current = declaration {
            let name = current.pointee.prefix.map { "xmlns:" + String(cString: $0) } ?? "xmlns"
            attributes.append(XElement.Attribute(name, current.pointee.href.map { String(cString: $0) } ?? ""))
            declaration = current.pointee.next
        }
        var property = node.pointee.properties
        while let current = property {
            let name = qualified(current.pointee.name, current.pointee.ns)
            attributes.append(XElement.Attribute(name, text(of: current.pointee.children)))
            property = current.pointee.next
        }
        // As FoundationXML's dictionary, sorted so the value is stable (a later duplicate cannot occur:
        // libxml2 refuses an attribute given twice).
        return attributes.sorted { $0.name < $1.name }
    }

    /// An attribute's value: its text nodes joined (entities are substituted already, by NOENT).
    private static func text(of nodes: xmlNodePtr?) -> String {
        var text = ""
        var node = nodes
        while let current = node {
            if let content = current.pointee.content { text += String(cString: content) }
            node = current.pointee.next
        }
        return text
    }

    private static func qualified(_ name: UnsafePointer<xmlChar>?, _ namespace: xmlNsPtr?) -> String {
        let local = name.map { String(cString: $0) } ?? ""
        guard let prefix = namespace?.pointee.prefix else { return local }
        return String(cString: prefix) + ":" + local
    }

    /// libxml2's global set-up, once per process before any other call (`xmlInitParser`).
    private static let initialize: Void = { xmlInitParser() }()
}

/// Keeps the first error libxml2 reports during one parse. It travels to the C callback as an
/// unretained pointer kept alive by `withExtendedLifetime`; it is used on one thread, within that call.
private final class FirstError {
    var error: XMLParseError?

    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let first = Unmanaged<FirstError>.fromOpaque(context).takeUnretainedValue()
        guard first.error == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        first.error = XMLParseError(
            message: XMLParseError.libxml2Message(code: Int(error.pointee.code)),
            line: Int(error.pointee.line), column: Int(error.pointee.int2))
    }
}
