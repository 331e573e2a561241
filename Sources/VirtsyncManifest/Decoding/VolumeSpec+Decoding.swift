extension VolumeSpec {
    static let fields = ["pool", "capacity", "format", "backingStore", "source", "deletionPolicy"]

    /// Reads `spec` of a `kind: Volume` document.
    init?(reading field: Field) {
        guard let spec = field.mapping(Self.fields) else { return nil }
        let pool = spec.required("pool")?.string()
        let capacity = spec.required("capacity")?.size()
        let format = spec.optional("format")?.choice(Format.self) ?? .qcow2
        let backing = spec.optional("backingStore").flatMap(BackingStore.init(reading:))
        let source = spec.optional("source").flatMap(CopySource.init(reading:))
        let policy = spec.optional("deletionPolicy")?.choice(DeletionPolicy.self) ?? .retain
        guard let pool, let capacity else { return nil }
        self.init(
            pool: pool, capacity: capacity, format: format, backingStore: backing, source: source, deletionPolicy: policy)
    }
}

extension VolumeSpec.BackingStore {
    init?(reading field: Field) {
        guard let backing = field.mapping(["path", "format"]) else { return nil }
        let format = backing.optional("format")?.choice(VolumeSpec.Format.self) ?? .qcow2
        guard let path = backing.required("path")?.string() else { return nil }
        self.init(path: path, format: format)
    }
}

extension VolumeSpec.CopySource {
    init?(reading field: Field) {
        guard let source = field.mapping(["path"]), let path = source.required("path")?.string() else { return nil }
        self.init(path: path)
    }
}
