public import LibvirtXML
public import VirtsyncManifest

/// Renders a `Volume` manifest as libvirt's `<volume>` document (seed 4.1 `--disk size=20`).
///
/// Capacity is written in bytes, the unit libvirt reports it in. The copy source is an argument of
/// `virStorageVolCreateXMLFrom`, not part of the document, and the pool is the volume's parent.
public enum VolumeRenderer {
    /// The `<volume>` document for a volume named `name` (its file name, e.g. `ubuntu-vm.qcow2`).
    public static func render(name: String, _ spec: VolumeSpec) -> XElement {
        let format = XElement("format", ["type": spec.format.rawValue])
        var volume = XElement("volume")
        volume.append(
            XElement("name", text: name),
            XElement("capacity", ["unit": "bytes"], text: String(spec.capacity.bytes)),
            XElement("target", children: [format]),
            spec.backingStore.map(backingStore)
        )
        return volume
    }

    static func backingStore(_ store: VolumeSpec.BackingStore) -> XElement {
        XElement(
            "backingStore",
            children: [XElement("path", text: store.path), XElement("format", ["type": store.format.rawValue])]
        )
    }
}
