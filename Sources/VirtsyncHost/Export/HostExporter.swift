public import Libvirt
public import VirtsyncManifest
import VirtsyncPlan

/// Reads objects from libvirt and writes each as a `spec.xml` manifest (`virtsync export`), to start
/// managing a host that was set up by hand: the manifests plan as in sync once `apply --adopt` takes
/// the objects over. Nothing on the host is changed.
public struct HostExporter: Sendable {
    /// One exported object.
    public struct Exported: Sendable {
        public var id: ObjectID
        /// The manifest, a YAML document with a comment line naming where it came from.
        public var yaml: String
        /// A file name for it, unique among the objects of a host: `domain-web1.yaml`, and for a volume
        /// one directory per pool, `volumes-default/web1.qcow2.yaml` (neither name can hold a `/`).
        public var fileName: String
    }

    let connection: LibvirtConnection

    public init(connection: LibvirtConnection) { self.connection = connection }

    /// The objects of `selection`, or every object on the host when it is empty, in apply order
    /// (pools, volumes, networks, domains). A selected object the host lacks is an error naming it;
    /// without a selection, one removed meanwhile is just not exported.
    public func export(_ selection: [ObjectID]) throws(HostError) -> [Exported] {
        let reader = HostReader(connection: connection, secure: false)
        let wanted = selection.isEmpty ? try reader.observe(interest: []).present : Set(selection)
        let observed = try reader.observe(interest: wanted)
        if !selection.isEmpty, let missing = wanted.sorted().first(where: { observed.objects[$0] == nil }) {
            throw .notFound(missing)
        }
        return try wanted.sorted().filter { observed.objects[$0] != nil }.map { id throws(HostError) in
            let spec = HostExport.spec(of: observed.objects[id]!)
            do {
                let yaml = try ManifestWriter.yaml(
                    name: id.name,
                    spec: spec,
                    comment: "\(id) exported by virtsync from \(connection.uri)"
                )
                return Exported(id: id, yaml: yaml, fileName: Self.fileName(id))
            } catch {
                throw .unwritable(object: id, message: "cannot be written as YAML: \(error)")
            }
        }
    }

    static func fileName(_ id: ObjectID) -> String {
        if let pool = id.pool { return "volumes-\(pool)/\(id.name).yaml" }
        return "\(id.kind.noun)-\(id.name).yaml"
    }
}
