public import LibvirtXML
public import VirtsyncManifest

/// Turns a manifest into the libvirt XML document virtsync defines.
///
/// The document holds only what the manifest sets plus the defaults the schema gives, written the way
/// libvirt 9.0 keeps them in its inactive XML (element and attribute order, units, `on`/`yes` words), so
/// that comparing it with `virsh dumpxml --inactive` shows no difference the user did not make. What
/// libvirt adds by itself (addresses, controllers, expanded machine types) is never rendered.
public enum Renderer {
    /// Renders a manifest on its own; a disk on a volume gets no driver type (its format is unknown here).
    public static func render(_ manifest: Manifest) -> XElement {
        render(manifest, volumeFormats: [:])
    }

    /// Renders a manifest knowing the formats (`qcow2`, `raw`) of the volumes declared beside it, keyed
    /// by volume id, so a disk on a declared volume gets that volume's format as its driver type.
    public static func render(_ manifest: Manifest, volumeFormats: [ObjectID: String]) -> XElement {
        let name = manifest.metadata.name
        switch manifest.spec {
        case .network(let spec): return NetworkRenderer.render(name: name, spec)
        case .storagePool(let spec): return StoragePoolRenderer.render(name: name, spec)
        case .volume(let spec): return VolumeRenderer.render(name: name, spec)
        case .domain(let spec):
            return SeedDisk.attach(
                to: DomainRenderer.render(name: name, spec, volumeFormats: volumeFormats),
                seed: manifest.seedVolume
            )
        case .rawXML(let raw): return SeedDisk.attach(to: raw.xml, seed: manifest.seedVolume)
        }
    }

    /// The formats of the volumes among `manifests`, as `render(_:volumeFormats:)` takes them.
    ///
    /// A raw-XML volume contributes its `<target><format type=>` when it names one.
    public static func volumeFormats(of manifests: [Manifest]) -> [ObjectID: String] {
        var formats: [ObjectID: String] = [:]
        for manifest in manifests {
            switch manifest.spec {
            case .volume(let spec):
                formats[manifest.id] = spec.format.rawValue
            case .rawXML(let raw) where raw.kind == .volume:
                if let format = raw.xml.descendant("target/format")?[attribute: "type"] {
                    formats[manifest.id] = format
                }
            default:
                break
            }
        }
        return formats
    }
}
