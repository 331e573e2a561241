/// One object that git says should exist: a parsed, validated YAML document or bare `.xml` file.
public struct Manifest: Sendable, Hashable {
    /// How the manifest was written, which decides the defaults for power state and autostart.
    public enum Origin: String, Sendable, Hashable, Codable {
        /// A `virtsync/v1` YAML document.
        case yaml
        /// A bare `.xml` file (`virsh dumpxml` output kept in git).
        case bareXML
    }

    public var metadata: ObjectMeta
    public var spec: ManifestSpec
    public var origin: Origin
    /// Where the document starts (the `apiVersion` line, or the XML root element).
    public var location: SourceLocation
    /// Where each field was written (`spec.devices.disks[0].path` → its key), so checks made after
    /// loading still point at the line to fix. Empty for manifests built in code.
    public var fieldLocations: [String: SourceLocation]

    public init(
        metadata: ObjectMeta,
        spec: ManifestSpec,
        origin: Origin,
        location: SourceLocation,
        fieldLocations: [String: SourceLocation] = [:]
    ) {
        self.metadata = metadata
        self.spec = spec
        self.origin = origin
        self.location = location
        self.fieldLocations = fieldLocations
    }

    /// The position of `field`, or of its nearest recorded parent, or of the document.
    public func location(of field: String) -> SourceLocation {
        var path = Substring(field)
        while !path.isEmpty {
            if let found = fieldLocations[String(path)] { return found }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        return location
    }

    public var kind: ManifestKind { spec.kind }

    public var id: ObjectID {
        switch spec {
        case .volume(let volume): return ObjectID(.volume, metadata.name, pool: volume.pool)
        case .rawXML(let raw) where raw.kind == .volume: return ObjectID(.volume, metadata.name, pool: raw.pool)
        default: break
        }
        return ObjectID(kind, metadata.name)
    }
}

/// The `spec` of a manifest, one case per kind.
public enum ManifestSpec: Sendable, Hashable {
    case network(NetworkSpec)
    case storagePool(StoragePoolSpec)
    case volume(VolumeSpec)
    case domain(DomainSpec)
    /// libvirt XML as written (bare `.xml` file or `spec.xml`).
    case rawXML(RawXMLSpec)

    public var kind: ManifestKind {
        switch self {
        case .network: .network
        case .storagePool: .storagePool
        case .volume: .volume
        case .domain: .domain
        case .rawXML(let raw): raw.kind
        }
    }
}
