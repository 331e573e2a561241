internal import Foundation
internal import FoundationXML

/// Why reading XML failed, with the parser's own words and position.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public var description: String { "\(line):\(column): \(message)" }

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// libxml2's error number in words; both XML readers (FoundationXML's and `LibXML2`'s) say the same.
    public static func libxml2Message(code: Int) -> String {
        messages[code].map { "\($0) (libxml2 error \(code))" } ?? "malformed XML (libxml2 error \(code))"
    }

    private static let messages: [Int: String] = [
        4: "the document is empty", 5: "extra content at the end of the document", 9: "invalid character",
        23: "an entity reference lacks its ';'", 26: "undeclared entity", 38: "'<' inside an attribute value",
        39: "attribute value not started", 40: "attribute value not finished",
        41: "attribute without a value", 42: "attribute given twice", 43: "quoted value not started",
        44: "quoted value not finished", 45: "comment not finished", 65: "a space is required here",
        68: "a name is required here", 73: "'>' expected", 74: "'</' expected", 75: "'=' expected",
        76: "closing tag does not match the open element", 77: "element not finished",
        85: "elements are not well balanced", 86: "extra content at the end of the document",
    ]
}

extension XElement {
    /// Element text as the tree keeps it: without white space at either end. On Unicode scalars rather
    /// than Foundation's `trimmingCharacters`, which bridges every text through NSString: that was 7 % of
    /// a no-op plan of 500 domains, whose text is mostly the indentation between elements. Both XML
    /// readers trim with this one function, so their trees are equal.
    public static func trimmedText(_ text: String) -> String {
        let scalars = text.unicodeScalars
        // ASCII first: libvirt's indentation is spaces and newlines, and `properties` is a table lookup.
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII
                ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
                    || scalar.value == 0x0B || scalar.value == 0x0C) : scalar.properties.isWhitespace
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }

    /// Parses one XML document (libvirt's output or a user's `.xml` manifest) into a value.
    ///
    /// Comments and processing instructions are dropped; whitespace-only text is dropped, other text trimmed.
    public init(parsing xml: String) throws(XMLParseError) {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        let parsed = parser.parse()
        // The first error is the one to fix; libxml2 may report more, or (on Linux) still return true.
        if let failure = builder.failure {
            throw XMLParseError(message: failure.message, line: failure.line, column: failure.column)
        }
        guard parsed, let root = builder.root else {
            throw XMLParseError(
                message: parser.parserError.map { "\($0)" } ?? "no root element (or an element is never closed)",
                line: parser.lineNumber,
                column: parser.columnNumber
            )
        }
        self = root
    }
}

/// SAX delegate that builds the tree; a class because XMLParser's delegate must be one.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [(element: XElement, text: String)] = []
    var root: XElement?
    var failure: (message: String, line: Int, column: Int)?

    func parser(
        _ parser: XMLParser,
        didStartElement name: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String]
    ) {
        // XMLParser hands attributes as a dictionary; sort so the value is stable across runs.
        let attrs = attributes.sorted { $0.key < $1.key }.map { XElement.Attribute($0.key, $0.value) }
        stack.append((XElement(name, attributes: attrs), ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA data: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: data, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard var (element, text) = stack.popLast() else { return }
        let trimmed = XElement.trimmedText(text)
        element.text = trimmed.isEmpty ? nil : trimmed
        if stack.isEmpty {
            if root == nil { root = element }
        } else {
            stack[stack.count - 1].element.children.append(element)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
        guard failure == nil else { return }
        // FoundationXML on Linux gives only libxml2's error number; name the common ones.
        let code = (error as NSError).code
        failure = (XMLParseError.libxml2Message(code: code), parser.lineNumber, parser.columnNumber)
    }
}
