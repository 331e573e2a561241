public import LibvirtXML
public import VirtsyncManifest

/// One object as a manifest wants it: the rendered document plus the facts that are not XML.
public struct DesiredObject: Sendable, Hashable {
    public var manifest: Manifest
    public var xml: XElement
    /// Network, pool: started or not; nil leaves it alone.
    public var active: Bool?
    /// Domain: the power state to keep; nil leaves it alone.
    public var power: DomainSpec.PowerState?
    public var autostart: Bool?
    public var restartPolicy: DomainSpec.RestartPolicy
    public var shutdownTimeoutSeconds: Int
    public var deletionPolicy: VolumeSpec.DeletionPolicy?
    /// Pool: `pool-build` on create.
    public var build: Bool
    /// Volume: copy contents from the volume at this path on create.
    public var copyFrom: String?

    public var id: ObjectID { manifest.id }

    /// Renders the manifest; `volumeFormats` gives disks on declared volumes their driver type.
    public init(_ manifest: Manifest, volumeFormats: [ObjectID: String] = [:]) {
        self.manifest = manifest
        self.xml = DroppedByLibvirt.normalize(Renderer.render(manifest, volumeFormats: volumeFormats))
        active = nil
        power = nil
        autostart = nil
        restartPolicy = .never
        shutdownTimeoutSeconds = 120
        deletionPolicy = nil
        build = false
        copyFrom = nil
        switch manifest.spec {
        case .network(let spec):
            active = spec.active
            autostart = spec.autostart
        case .storagePool(let spec):
            active = spec.active
            autostart = spec.autostart
            build = spec.build
        case .volume(let spec):
            deletionPolicy = spec.deletionPolicy
            copyFrom = spec.source?.path
        case .domain(let spec):
            power = spec.state
            autostart = spec.autostart
            restartPolicy = spec.restartPolicy
            shutdownTimeoutSeconds = spec.shutdownTimeoutSeconds
        case .rawXML(let raw):
            active = raw.active
            power = raw.state
            autostart = raw.autostart
            restartPolicy = raw.restartPolicy
            shutdownTimeoutSeconds = raw.shutdownTimeoutSeconds
            deletionPolicy = raw.kind == .volume ? raw.deletionPolicy : nil
            build = raw.kind == .storagePool
        }
    }
}
