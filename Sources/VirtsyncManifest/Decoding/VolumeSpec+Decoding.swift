internal import Yams

extension VolumeSpec {
    static let fields = ["pool", "capacity", "format", "backingStore", "source", "deletionPolicy"]

    /// Reads `spec` of a `kind: Volume` document.
    init?(reading field: Field) {
        guard let spec = field.mapping(Self.fields) else { return nil }
        let pool = spec.required("pool")?.string()
        let capacity = spec.required("capacity")?.size()
        let format = spec.optional("format")?.choice(Format.self) ?? .qcow2
        let backing = spec.optional("backingStore").flatMap(BackingStore.init(reading:))
        let sourceField = spec.optional("source")
        let isImage = sourceField?.node.mapping?.keys.contains { $0.string == "url" } ?? false
        let source = isImage ? nil : sourceField.flatMap(CopySource.init(reading:))
        let image = isImage ? sourceField.flatMap(ImageSource.init(reading:)) : nil
        let policy = spec.optional("deletionPolicy")?.choice(DeletionPolicy.self) ?? .retain
        guard let pool, let capacity else { return nil }
        self.init(
            pool: pool, capacity: capacity, format: format, backingStore: backing, source: source, deletionPolicy: policy)
        self.image = image
    }
}

extension VolumeSpec.BackingStore {
    init?(reading field: Field) {
        guard let backing = field.mapping(["path", "volume", "format"]) else { return nil }
        let format = backing.optional("format")?.choice(VolumeSpec.Format.self) ?? .qcow2
        if let volumeField = backing.optional("volume") {
            guard let reference = volumeField.mapping(["pool", "name"]) else { return nil }
            let pool = reference.required("pool")?.string(), name = reference.required("name")?.string()
            guard let pool, let name else { return nil }
            // The path comes from the pool's manifest once all files are read (ManifestLinks).
            self.init(path: "", format: format, volume: VolumeSpec.VolumeReference(pool: pool, name: name))
            return
        }
        guard let path = backing.required("path")?.string() else { return nil }
        self.init(path: path, format: format)
    }
}

extension VolumeSpec.ImageSource {
    /// `{url, sha256, caFile}`: http, https or file URLs, and a 64-digit hex SHA-256.
    init?(reading field: Field) {
        guard let source = field.mapping(["url", "sha256", "caFile"]) else { return nil }
        let url = source.required("url")?.string()
        let sha256 = source.required("sha256")?.string()
        let caFile = source.optional("caFile")?.string()
        guard let url, let sha256 else { return nil }
        let scheme = url.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        guard ["http", "https", "file"].contains(scheme), url.contains("://") else {
            source.optional("url")?.error("expected an http://, https:// or file:// URL, got '\(url)'")
            return nil
        }
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else {
            source.optional("sha256")?.error("expected the image's SHA-256 as 64 hex digits")
            return nil
        }
        self.init(url: url, sha256: sha256, caFile: caFile)
    }
}

extension VolumeSpec.CopySource {
    init?(reading field: Field) {
        guard let source = field.mapping(["path"]), let path = source.required("path")?.string() else { return nil }
        self.init(path: path)
    }
}
