/// What the validator knows beyond the manifests themselves.
public struct ValidationContext: Sendable {
    /// Directory prefixes disk, ISO and image paths must lie under; pools declared by manifests add theirs.
    public var allowedPaths: [String]
    /// Every object on the host, when one was read; nil (`virtsync validate`) turns "missing on the host"
    /// into a warning, since only the host can say.
    public var hostObjects: Set<ObjectID>?

    public init(allowedPaths: [String] = ["/var/lib/libvirt/images"], hostObjects: Set<ObjectID>? = nil) {
        self.allowedPaths = allowedPaths
        self.hostObjects = hostObjects
    }
}
