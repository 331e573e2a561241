internal import LibvirtXML

/// What a libvirt XML document must be to stand for a manifest: the right root element, and a `<name>`.
enum XMLDocumentCheck {
    /// The root element of each kind's document.
    static func rootName(of kind: ManifestKind) -> String {
        switch kind {
        case .network: "network"
        case .storagePool: "pool"
        case .volume: "volume"
        case .domain: "domain"
        }
    }

    /// The trimmed text of `<name>`, or nil when there is none.
    static func name(in xml: XElement) -> String? {
        guard let text = xml.child("name")?.text, !text.isEmpty else { return nil }
        return text
    }

    /// The 1-based line and column of the root element's `<`, skipping the prolog and comments.
    static func rootPosition(in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var characters = Array(text)[...]
        while let first = characters.first {
            if first == "<", let next = characters.dropFirst().first, next.isLetter || next == "_" {
                return (line, column)
            }
            let skip: Int
            if characters.starts(with: "<!--"), let end = characters.firstRange(of: "-->") {
                skip = characters.distance(from: characters.startIndex, to: end.upperBound)
            } else {
                skip = 1
            }
            for character in characters.prefix(skip) {
                if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            characters = characters.dropFirst(skip)
        }
        return (1, 1)
    }

    /// The parser's message, marked as XML so it is not mistaken for a YAML problem.
    static func message(of error: XMLParseError) -> String {
        "invalid XML: \(error.message)"
    }
}
