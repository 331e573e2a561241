internal import LibvirtXML

/// Links between manifests that one document alone cannot settle, made once all files are read:
/// a `backingStore: {volume: {pool, name}}` gets its path from the pool's target path (`<backingStore>`
/// needs a path), and an image-backed volume must not also copy or clone.
enum ManifestLinks {
    static func resolve(_ manifests: inout [Manifest]) -> [ManifestError] {
        var poolPaths: [String: String] = [:]
        var volumes: Set<ObjectID> = []
        for manifest in manifests {
            switch manifest.spec {
            case .storagePool(let pool): poolPaths[manifest.metadata.name] = pool.targetPath
            case .rawXML(let raw) where raw.kind == .storagePool:
                poolPaths[manifest.metadata.name] = raw.xml.descendant("target/path")?.text
            case .volume, .rawXML: volumes.insert(manifest.id)
            default: break
            }
        }
        var errors: [ManifestError] = []
        errors += deriveSeeds(&manifests)
        for index in manifests.indices {
            guard case .volume(var spec) = manifests[index].spec else { continue }
            let manifest = manifests[index]
            if spec.image != nil, spec.source != nil || spec.backingStore != nil {
                errors.append(
                    ManifestError(
                        manifest.location(of: "spec.source"),
                        field: "spec.source",
                        "a volume from an image URL cannot also have a backingStore or copy source"
                    )
                )
            }
            guard var backing = spec.backingStore, let reference = backing.volume else { continue }
            guard let directory = poolPaths[reference.pool] else {
                errors.append(
                    ManifestError(
                        manifest.location(of: "spec.backingStore.volume"),
                        field: "spec.backingStore.volume.pool",
                        "pool '\(reference.pool)' is not declared in git: a backing volume's path comes from its pool's manifest"
                    )
                )
                continue
            }
            if !volumes.contains(reference.id) {
                errors.append(
                    ManifestError(
                        manifest.location(of: "spec.backingStore.volume"),
                        field: "spec.backingStore.volume.name",
                        "volume '\(reference.name)' of pool '\(reference.pool)' is not declared in git"
                    )
                )
            }
            backing.path = directory.hasSuffix("/") ? directory + reference.name : directory + "/" + reference.name
            spec.backingStore = backing
            manifests[index].spec = .volume(spec)
        }
        return errors
    }

    /// Adds the seed volume of every domain with `cloudInit`, in the pool `cloudInit.pool` names or else
    /// the pool of the domain's first volume disk.
    static func deriveSeeds(_ manifests: inout [Manifest]) -> [ManifestError] {
        var errors: [ManifestError] = []
        var seeds: [Manifest] = []
        for manifest in manifests {
            guard let cloudInit = manifest.cloudInit else { continue }
            guard let seedID = manifest.seedVolume, let pool = seedID.pool else {
                errors.append(
                    ManifestError(
                        manifest.location(of: "spec.cloudInit"),
                        field: "spec.cloudInit.pool",
                        "the seed needs a pool: give the domain a volume disk, or name one in cloudInit.pool"
                    )
                )
                continue
            }
            // The capacity is nominal: the seed volume is made as large as the ISO written into it.
            var volume = VolumeSpec(
                pool: pool,
                capacity: ByteSize(bytes: 1 << 20),
                format: .raw,
                deletionPolicy: .delete
            )
            volume.seed = SeedSpec(domain: manifest.metadata.name, cloudInit: cloudInit)
            var metadata = manifest.metadata
            metadata.name = SeedSpec.volumeName(domain: manifest.metadata.name)
            seeds.append(
                Manifest(
                    metadata: metadata,
                    spec: .volume(volume),
                    origin: manifest.origin,
                    location: manifest.location,
                    fieldLocations: manifest.fieldLocations
                )
            )
        }
        manifests += seeds
        return errors
    }
}
