internal import CLibxml2
public import LibvirtXML

/// Reads an XML document into an `XElement` with libxml2's SAX2 parser, building the value directly.
///
/// The same tree `XElement(parsing:)` builds with FoundationXML (names with their prefix, namespace
/// declarations as `xmlns`/`xmlns:PREFIX` attributes, attributes sorted by name, entities substituted,
/// text and CDATA joined and trimmed, comments and processing instructions dropped), at a fraction of
/// the cost: FoundationXML turns every SAX event into Foundation strings and dictionaries, which was a
/// fifth of a no-op plan of 500 domains, and libxml2's own tree would be built only to be copied. The
/// pure core keeps FoundationXML (it has no C); the edge that reads libvirt's definitions on every plan
/// uses this. `LibXML2Tests` checks both give equal trees, on the corpus and on edge cases.
public enum XMLTreeReader {
    public static func element(parsing text: String) throws(XMLParseError) -> XElement {
        initialize
        let builder = TreeBuilder()
        let count = Int32(text.utf8.count)
        let wellFormed: Bool = withExtendedLifetime(builder) {
            text.withCString { bytes in
                guard let parser = xmlCreateMemoryParserCtxt(bytes, count) else { return false }
                defer {
                    if let document = parser.pointee.myDoc { xmlFreeDoc(document) }
                    xmlFreeParserCtxt(parser)
                }
                // libxml2's SAX2 defaults (the document and its DTD, so declared entities resolve), with the
                // element, text and error events ours. The context stays the callbacks' `ctx` (the defaults
                // need it); the builder travels in its `_private`.
                var handler = xmlSAXHandler()
                xmlSAXVersion(&handler, 2)
                handler.startElementNs = TreeBuilder.start
                handler.endElementNs = TreeBuilder.end
                handler.characters = TreeBuilder.characters
                handler.ignorableWhitespace = TreeBuilder.characters
                handler.comment = nil
                handler.processingInstruction = nil
                handler.serror = TreeBuilder.error
                parser.pointee.sax.pointee = handler
                parser.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
                // NOENT as FoundationXML asks (entities substituted); NOCDATA: CDATA comes as text; no
                // network; errors only to `serror`, never printed on stderr.
                _ = xmlCtxtUseOptions(
                    parser,
                    Int32(
                        XML_PARSE_NOENT.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
                            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                    )
                )
                _ = xmlParseDocument(parser)
                return parser.pointee.wellFormed != 0
            }
        }
        guard wellFormed, builder.error == nil, let root = builder.root else {
            throw builder.error
                ?? XMLParseError(message: "no root element (or an element is never closed)", line: 0, column: 0)
        }
        return root
    }

    /// libxml2's global set-up, once per process before any other call (`xmlInitParser`).
    private static let initialize: Void = { xmlInitParser() }()
}

/// The SAX events of one parse turned into `XElement`s. It travels to the C callbacks as an unretained
/// pointer in the parser context, kept alive by `withExtendedLifetime`; one thread, one call.
private final class TreeBuilder {
    var stack: [(element: XElement, text: String)] = []
    var root: XElement?
    var error: XMLParseError?

    static func from(_ context: UnsafeMutableRawPointer?) -> TreeBuilder? {
        guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), let builder = parser.pointee._private
        else {
            return nil
        }
        return Unmanaged<TreeBuilder>.fromOpaque(builder).takeUnretainedValue()
    }

    static let start: startElementNsSAX2Func = {
        context,
        name,
        prefix,
        _,
        namespaceCount,
        namespaces,
        attributeCount,
        _,
        attributes in
        guard let builder = from(context) else { return }
        var list: [XElement.Attribute] = []
        list.reserveCapacity(Int(namespaceCount + attributeCount))
        for index in 0..<Int(namespaceCount) {
            let declared = namespaces?[2 * index].map { "xmlns:" + String(cString: $0) } ?? "xmlns"
            list.append(XElement.Attribute(declared, namespaces?[2 * index + 1].map { String(cString: $0) } ?? ""))
        }
        for index in 0..<Int(attributeCount) {
            // Five pointers each: local name, prefix, URI, value, end of value (the value is not terminated).
            guard let base = attributes?.advanced(by: 5 * index), let local = base[0] else { continue }
            var value = ""
            if let start = base[3], let end = base[4] {
                value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
            }
            list.append(XElement.Attribute(qualified(local, base[1]), value))
        }
        // As FoundationXML's dictionary, sorted so the value is stable (libxml2 refuses a repeated attribute).
        list.sort { $0.name < $1.name }
        builder.stack.append((XElement(qualified(name, prefix), attributes: list), ""))
    }

    static let end: endElementNsSAX2Func = { context, _, _, _ in
        guard let builder = from(context), var (element, text) = builder.stack.popLast() else { return }
        let trimmed = XElement.trimmedText(text)
        text = ""
        element.text = trimmed.isEmpty ? nil : trimmed
        if builder.stack.isEmpty {
            if builder.root == nil { builder.root = element }
        } else {
            builder.stack[builder.stack.count - 1].element.children.append(element)
        }
    }

    static let characters: charactersSAXFunc = { context, bytes, length in
        guard let builder = from(context), let bytes, !builder.stack.isEmpty else { return }
        builder.stack[builder.stack.count - 1].text += String(
            decoding: UnsafeBufferPointer(start: bytes, count: Int(length)),
            as: UTF8.self
        )
    }

    /// The first error is the one to fix; warnings are not errors.
    static let error: xmlStructuredErrorFunc = { context, error in
        guard let builder = from(context), builder.error == nil, let error,
            error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue
        else { return }
        builder.error = XMLParseError(
            message: XMLParseError.libxml2Message(code: Int(error.pointee.code)),
            line: Int(error.pointee.line),
            column: Int(error.pointee.int2)
        )
    }

    private static func qualified(_ name: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?) -> String {
        let local = name.map { String(cString: $0) } ?? ""
        guard let prefix else { return local }
        return String(cString: prefix) + ":" + local
    }
}
