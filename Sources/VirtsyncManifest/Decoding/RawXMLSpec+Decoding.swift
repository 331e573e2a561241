internal import LibvirtXML
internal import Yams

extension RawXMLSpec {
    /// The policy keys allowed beside `spec.xml`, per kind.
    static func fields(for kind: ManifestKind) -> [String] {
        switch kind {
        case .network, .storagePool: ["xml", "active", "autostart"]
        case .domain: ["xml", "state", "autostart", "restartPolicy", "shutdownTimeout", "health", "cloudInit"]
        case .volume: ["xml", "pool", "deletionPolicy"]
        }
    }

    /// Reads a `spec` that carries `xml:`; the XML's root must match the kind and its `<name>` the metadata.
    init?(reading field: Field, kind: ManifestKind, name: String?) {
        let allowed = Self.fields(for: kind)
        let note = "beside xml only \(allowed.dropFirst().joined(separator: ", ")) may be set"
        guard let spec = field.mapping(allowed, besides: note) else { return nil }
        let xml = spec.required("xml").flatMap { Self.readXML($0, kind: kind, name: name) }
        let pool = kind == .volume ? spec.required("pool")?.string() : nil
        let defaultOn: Bool? = kind == .network || kind == .storagePool ? true : nil
        let active = spec.optional("active")?.bool() ?? defaultOn
        let state = spec.optional("state")?.choice(DomainSpec.PowerState.self)
        let autostart = spec.optional("autostart")?.bool() ?? defaultOn
        let restart = spec.optional("restartPolicy")?.choice(DomainSpec.RestartPolicy.self) ?? .never
        let timeout = spec.optional("shutdownTimeout")?.seconds() ?? 120
        let deletion = spec.optional("deletionPolicy")?.choice(VolumeSpec.DeletionPolicy.self) ?? .retain
        let health = spec.optional("health").flatMap(HealthCheck.init(reading:))
        guard let xml, kind != .volume || pool != nil else { return nil }
        self.init(
            kind: kind,
            xml: xml,
            pool: pool,
            active: active,
            state: state,
            autostart: autostart,
            restartPolicy: restart,
            shutdownTimeoutSeconds: timeout,
            deletionPolicy: deletion,
            health: health
        )
        cloudInit = kind == .domain ? spec.optional("cloudInit").flatMap(CloudInit.init(reading:)) : nil
    }

    private static func readXML(_ field: Field, kind: ManifestKind, name: String?) -> XElement? {
        guard let text = field.string() else { return nil }
        let xml: XElement
        do {
            xml = try XElement(parsing: text)
        } catch {
            field.state.error(at: position(of: error, in: field), field.path, XMLDocumentCheck.message(of: error))
            return nil
        }
        let root = XMLDocumentCheck.rootName(of: kind)
        guard xml.name == root else {
            field.error("the XML's root element is <\(xml.name)>, but a \(kind.rawValue) needs <\(root)>")
            return nil
        }
        switch XMLDocumentCheck.name(in: xml) {
        case nil:
            field.error("the XML has no <name>; it must be '\(name ?? "")' like metadata.name")
            return nil
        case let xmlName? where name != nil && xmlName != name:
            field.error("the XML's <name> is '\(xmlName)' but metadata.name is '\(name ?? "")'")
            return nil
        default:
            return xml
        }
    }

    /// Maps the XML parser's position into the YAML file: a block scalar's content starts on the line after
    /// its `|`, indented; a one-line scalar starts at its own mark.
    private static func position(of error: XMLParseError, in field: Field) -> SourceLocation {
        guard let scalar = field.node.scalar, let mark = scalar.mark else { return field.state.location(field.anchor) }
        let line = max(error.line, 1)
        switch scalar.style {
        case .literal, .folded:
            let fileLine = mark.line + line
            return SourceLocation(
                file: field.state.file,
                line: fileLine,
                column: field.state.indent(ofLine: fileLine) + max(error.column, 1)
            )
        default:
            let quote = scalar.style == .plain ? 0 : 1
            let column = line == 1 ? mark.column + quote + max(error.column, 1) - 1 : max(error.column, 1)
            return SourceLocation(file: field.state.file, line: mark.line + line - 1, column: column)
        }
    }
}
