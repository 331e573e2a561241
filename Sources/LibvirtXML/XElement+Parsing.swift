internal import Foundation
internal import FoundationXML

/// Why reading XML failed, with the parser's own words and position.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public var description: String { "\(line):\(column): \(message)" }
}

extension XElement {
    /// Parses one XML document (libvirt's output or a user's `.xml` manifest) into a value.
    ///
    /// Comments and processing instructions are dropped; whitespace-only text is dropped, other text trimmed.
    public init(parsing xml: String) throws(XMLParseError) {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        guard parser.parse(), let root = builder.root else {
            throw XMLParseError(
                message: builder.failure ?? parser.parserError.map { "\($0)" } ?? "no root element",
                line: parser.lineNumber, column: parser.columnNumber)
        }
        self = root
    }
}

/// SAX delegate that builds the tree; a class because XMLParser's delegate must be one.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [(element: XElement, text: String)] = []
    var root: XElement?
    var failure: String?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
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
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        element.text = trimmed.isEmpty ? nil : trimmed
        if stack.isEmpty {
            if root == nil { root = element }
        } else {
            stack[stack.count - 1].element.children.append(element)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
        failure = failure ?? "malformed XML (\(error))"
    }
}
