extension StoragePoolSpec {
    static let fields = ["type", "uuid", "target", "build", "active", "autostart"]

    /// Reads `spec` of a `kind: StoragePool` document.
    init?(reading field: Field) {
        guard let spec = field.mapping(Self.fields) else { return nil }
        let type = spec.optional("type")?.choice(PoolType.self) ?? .dir
        let uuid = spec.optional("uuid")?.string()
        let target = spec.required("target")?.mapping(["path", "permissions"])
        let path = target?.required("path")?.string()
        let permissions = target?.optional("permissions").flatMap(Permissions.init(reading:))
        let build = spec.optional("build")?.bool() ?? true
        let active = spec.optional("active")?.bool() ?? true
        let autostart = spec.optional("autostart")?.bool() ?? true
        guard let path else { return nil }
        self.init(
            type: type,
            uuid: uuid,
            targetPath: path,
            permissions: permissions,
            build: build,
            active: active,
            autostart: autostart
        )
    }
}

extension StoragePoolSpec.Permissions {
    init?(reading field: Field) {
        guard let permissions = field.mapping(["mode", "owner", "group"]) else { return nil }
        self.init(
            mode: permissions.optional("mode").flatMap(Self.readMode),
            owner: permissions.optional("owner")?.int(in: 0...Int(UInt32.max)),
            group: permissions.optional("group")?.int(in: 0...Int(UInt32.max))
        )
    }

    /// An octal string (`"0711"`); YAML would read an unquoted 0711 as a number, so the text is what counts.
    private static func readMode(_ field: Field) -> String? {
        guard let text = field.string() else { return nil }
        guard (3...4).contains(text.count), text.allSatisfy({ ("0"..."7").contains($0) }) else {
            return field.mismatch("an octal mode such as \"0711\"")
        }
        return text
    }
}
