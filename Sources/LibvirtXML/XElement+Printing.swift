extension XElement {
    /// The element as indented XML in libvirt's own style (single-quoted attributes, two spaces).
    ///
    /// Written by hand because FoundationXML's canonical output is empty on Linux and its
    /// pretty printer reorders nothing but expands empty elements; goldens need a stable text.
    public func xmlString(indent: Int = 0) -> String {
        var out = ""
        write(to: &out, depth: indent)
        return out
    }

    private func write(to out: inout String, depth: Int) {
        let pad = String(repeating: "  ", count: depth)
        out += pad + "<" + name
        for attribute in attributes {
            out += " \(attribute.name)='\(Self.escape(attribute.value, quote: true))'"
        }
        if children.isEmpty, text == nil {
            out += "/>\n"
            return
        }
        out += ">"
        if let text { out += Self.escape(text, quote: false) }
        if !children.isEmpty {
            out += "\n"
            for child in children { child.write(to: &out, depth: depth + 1) }
            out += pad
        }
        out += "</\(name)>\n"
    }

    static func escape(_ text: String, quote: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "'" where quote: result += "&apos;"
            case "\"" where quote: result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
