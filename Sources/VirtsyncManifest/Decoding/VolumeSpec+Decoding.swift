extension VolumeSpec {
    /// `spec` of a `kind: Volume` document, member by member; the reference's Volume table comes from it.
    static let schema = Schema<VolumeSpec>(
        { VolumeSpec(pool: "", capacity: ByteSize(bytes: 0)) },
        [
            Member("pool", \.pool, .string, required: true, "the pool the volume lives in", default: ""),
            Member("capacity", \.capacity, .size, required: true, "virtual size; growing it resizes in place, shrinking it is refused", default: ""),
            Member("format", \.format, .choice, "`qcow2` or `raw`", default: "`qcow2`"),
            Member("backingStore", \.backingStore, .mapping(BackingStore.schema), "`{path, format}`: a base image the volume is a copy-on-write overlay of", default: "none"),
            Member("source", \.source, .mapping(CopySource.schema), "`{path}`: an image whose contents the new volume is copied from (only at creation)", default: "none: an empty volume"),
            Member("deletionPolicy", \.deletionPolicy, .choice, "`Retain` keeps the volume when its manifest leaves git, even with `--prune`; `Delete` lets prune delete it", default: "`Retain`"),
        ])

    /// Reads `spec` of a `kind: Volume` document.
    init?(reading field: Field) {
        guard let volume = Self.schema.decode(field) else { return nil }
        self = volume
    }
}

extension VolumeSpec.BackingStore {
    static let schema = Schema<Self>(
        { Self(path: "", format: .qcow2) },
        [
            Member("path", \.path, .string, required: true, "the base image", default: ""),
            Member("format", \.format, .choice, "its format", default: "`qcow2`"),
        ])
}

extension VolumeSpec.CopySource {
    static let schema = Schema<Self>(
        { Self(path: "") }, [Member("path", \.path, .string, required: true, "the image copied from", default: "")])
}
