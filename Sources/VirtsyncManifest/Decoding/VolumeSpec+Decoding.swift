internal import Yams

extension VolumeSpec {
    /// `spec` of a `kind: Volume` document, member by member; the reference's Volume table comes from it.
    static let schema = Schema<VolumeSpec>(
        { VolumeSpec(pool: "", capacity: ByteSize(bytes: 0)) },
        [
            Member("pool", \.pool, .string, required: true, "the pool the volume lives in", default: ""),
            Member(
                "capacity",
                \.capacity,
                .size,
                required: true,
                "virtual size; growing it resizes in place, shrinking it is refused",
                default: ""
            ),
            Member("format", \.format, .choice, "`qcow2` or `raw`", default: "`qcow2`"),
            Member(
                "backingStore",
                \.backingStore,
                .mapping(BackingStore.schema),
                "`{path, format}` or `{volume: {pool, name}, format}`: a base image the volume is a copy-on-write overlay of; `volume` names a volume declared in git, whose path comes from its pool's manifest",
                default: "none"
            ),
            .documented(
                "source",
                "`{path}`: an image whose contents the new volume is copied from (only at creation); or `{url, sha256, caFile}`: an image by URL (http, https, file) fetched once per host into the image cache, checked against its SHA-256, decompressed when the URL ends in `.xz`, `.gz` or `.bz2`, and uploaded into the new volume; `caFile` is a PEM bundle of certificate authorities for https",
                default: "none: an empty volume"
            ),
            Member(
                "deletionPolicy",
                \.deletionPolicy,
                .choice,
                "`Retain` keeps the volume when its manifest leaves git, even with `--prune`; `Delete` lets prune delete it",
                default: "`Retain`"
            ),
        ],
        finish: { volume, spec in
            // `source` is a copy of a host image or an image by URL, told apart by its `url` key.
            guard let field = spec.optional("source") else { return true }
            if field.node.mapping?.keys.contains(where: { $0.string == "url" }) ?? false {
                volume.image = ImageSource.schema.decode(field)
                return volume.image != nil
            }
            volume.source = CopySource.schema.decode(field)
            return volume.source != nil
        }
    )

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
            Member("path", \.path, .string, "the base image", default: "required unless `volume`"),
            Member(
                "volume",
                \.volume,
                .mapping(VolumeSpec.VolumeReference.schema),
                "`{pool, name}`: a volume declared in git as the base image",
                default: "none"
            ),
            Member("format", \.format, .choice, "its format", default: "`qcow2`"),
        ],
        finish: { backing, spec in
            // The path of a `volume` comes from the pool's manifest once all files are read (ManifestLinks).
            if spec.optional("volume") != nil { return true }
            return spec.required("path") != nil
        }
    )
}

extension VolumeSpec.VolumeReference {
    static let schema = Schema<Self>(
        { Self(pool: "", name: "") },
        [
            Member("pool", \.pool, .string, required: true, "the volume's pool", default: ""),
            Member("name", \.name, .string, required: true, "the volume's name", default: ""),
        ]
    )
}

extension VolumeSpec.ImageSource {
    /// `{url, sha256, caFile}`: http, https or file URLs, and a 64-digit hex SHA-256.
    static let schema = Schema<Self>(
        { Self(url: "", sha256: "") },
        [
            Member("url", \.url, Self.url, required: true, "http, https or file URL of the image", default: ""),
            Member("sha256", \.sha256, Self.sha256, required: true, "the image's SHA-256, 64 hex digits", default: ""),
            Member("caFile", \.caFile, .string, "PEM certificate authorities for https", default: "the system's"),
        ]
    )

    static let url = Reader<String> { field in
        guard let url = field.string() else { return nil }
        let scheme = url.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        guard ["http", "https", "file"].contains(scheme), url.contains("://") else {
            field.error("expected an http://, https:// or file:// URL, got '\(url)'")
            return nil
        }
        return url
    }

    static let sha256 = Reader<String> { field in
        guard let sha256 = field.string() else { return nil }
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else {
            field.error("expected the image's SHA-256 as 64 hex digits")
            return nil
        }
        return sha256.lowercased()
    }
}

extension VolumeSpec.CopySource {
    static let schema = Schema<Self>(
        { Self(path: "") },
        [Member("path", \.path, .string, required: true, "the image copied from", default: "")]
    )
}
