import LibvirtXML

/// The element on one line, so table rows read like the XML they expect.
func compact(_ element: XElement) -> String {
    element.xmlString().split(separator: "\n").map { $0.drop { $0 == " " } }.joined()
}
