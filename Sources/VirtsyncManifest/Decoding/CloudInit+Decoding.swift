internal import Yams

extension CloudInit {
    static let fields = ["userData", "metaData", "networkConfig", "pool"]

    /// Reads `spec.cloudInit`: each document a string (a YAML block scalar, usually) or `{file: PATH}`.
    init?(reading field: Field) {
        guard let cloudInit = field.mapping(Self.fields) else { return nil }
        self.init(
            userData: cloudInit.optional("userData").flatMap(Document.init(reading:)),
            metaData: cloudInit.optional("metaData").flatMap(Document.init(reading:)),
            networkConfig: cloudInit.optional("networkConfig").flatMap(Document.init(reading:)),
            pool: cloudInit.optional("pool")?.string()
        )
    }
}

extension CloudInit.Document {
    init?(reading field: Field) {
        if field.node.mapping != nil {
            guard let file = field.mapping(["file"])?.required("file")?.string() else { return nil }
            guard !file.hasPrefix("/") else {
                field.error("a cloud-init file is relative to the manifest's file, not absolute: '\(file)'")
                return nil
            }
            self = .file(file)
        } else if let text = field.string() {
            self = .inline(text)
        } else {
            return nil
        }
    }
}
