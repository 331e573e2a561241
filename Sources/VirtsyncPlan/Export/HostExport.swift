public import VirtsyncManifest

/// What `virtsync export` makes of an object the host has: its persistent definition as a `spec.xml`
/// manifest, less `ExportNoise`, with the state the object is in now, so that the manifest plans as in
/// sync once adopted.
public enum HostExport {
    /// The spec of one observed object; a volume needs the pool it lies in.
    public static func spec(of object: ObservedObject) -> RawXMLSpec {
        let xml = ExportNoise.removed(from: object.xml, kind: object.id.kind)
        switch object.id.kind {
        case .domain:
            return RawXMLSpec(kind: .domain, xml: xml, state: state(object.power), autostart: object.autostart)
        case .network, .storagePool:
            return RawXMLSpec(kind: object.id.kind, xml: xml, active: object.active, autostart: object.autostart)
        case .volume:
            return RawXMLSpec(kind: .volume, xml: xml, pool: object.id.pool)
        }
    }

    /// A state a manifest can ask for; a domain crashed or shutting down is left without one.
    static func state(_ power: ObservedObject.Power) -> DomainSpec.PowerState? {
        switch power {
        case .running: .running
        case .paused: .paused
        case .shutoff: .shutoff
        case .other: nil
        }
    }
}
