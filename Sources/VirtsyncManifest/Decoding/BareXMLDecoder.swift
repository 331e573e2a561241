internal import LibvirtXML

/// Reads a bare `.xml` file (`virsh dumpxml` output kept in git): the root element says the kind.
enum BareXMLDecoder {
    static let kinds: [String: ManifestKind] = ["domain": .domain, "network": .network, "pool": .storagePool]

    static func decode(_ file: ManifestFile, state: DecodingState) -> Manifest? {
        let xml: XElement
        do {
            xml = try XElement(parsing: file.text)
        } catch {
            let location = SourceLocation(file: file.path, line: max(error.line, 1), column: max(error.column, 1))
            state.error(at: location, "", XMLDocumentCheck.message(of: error))
            return nil
        }
        let root = XMLDocumentCheck.rootPosition(in: file.text)
        let location = SourceLocation(file: file.path, line: root.line, column: root.column)
        guard let kind = kinds[xml.name] else {
            let message =
                xml.name == "volume"
                ? "a volume needs its pool: use a Volume manifest with spec.xml"
                : "unknown root element <\(xml.name)>; expected <domain>, <network> or <pool>"
            state.error(at: location, "", message)
            return nil
        }
        guard let name = XMLDocumentCheck.name(in: xml) else {
            state.error(at: location, "", "the <\(xml.name)> has no <name>")
            return nil
        }
        return Manifest(
            metadata: ObjectMeta(name: name),
            spec: .rawXML(.bare(kind: kind, xml: xml)),
            origin: .bareXML,
            location: location
        )
    }
}
