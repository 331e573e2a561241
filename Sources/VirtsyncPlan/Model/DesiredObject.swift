public import LibvirtXML
public import VirtsyncManifest

/// One object as a manifest wants it: the rendered document plus the facts that are not XML.
public struct DesiredObject: Sendable, Hashable {
    public var manifest: Manifest
    public var xml: XElement
    public var policy: ManifestPolicy
    /// `devices/serial`, …: the device lists a typed domain names that are owned only when named.
    public var ownedLists: Set<String>

    public var id: ObjectID { manifest.id }

    /// Renders the manifest; `volumeFormats` gives disks on declared volumes their driver type.
    public init(_ manifest: Manifest, volumeFormats: [ObjectID: String] = [:]) {
        self.manifest = manifest
        self.xml = Renderer.render(manifest, volumeFormats: volumeFormats)
        self.policy = ManifestPolicy(manifest)
        self.ownedLists = if case .domain(let spec) = manifest.spec { spec.devices.ownedLists } else { [] }
    }
}
