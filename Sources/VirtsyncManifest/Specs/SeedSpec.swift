internal import LibvirtXML

/// The cloud-init seed volume a domain's `cloudInit` implies (`<domain>-cidata.iso` in the pool of its
/// first volume disk). The loader adds it as a manifest of its own, so planning, the inventory and
/// prune treat it like any volume; only its content, not its XML, decides whether it changes.
public struct SeedSpec: Sendable, Hashable {
    /// The domain it belongs to: the default instance-id and local-hostname.
    public var domain: String
    public var cloudInit: CloudInit

    public init(domain: String, cloudInit: CloudInit) {
        self.domain = domain
        self.cloudInit = cloudInit
    }

    /// The seed volume's name for a domain.
    public static func volumeName(domain: String) -> String { "\(domain)-cidata.iso" }

    /// The files of the seed, as cloud-init's NoCloud datasource reads them: `meta-data` gets
    /// `instance-id` (and `local-hostname`) of the domain's name when it does not say its own; an empty
    /// `user-data` is still written (NoCloud needs both user-data and meta-data). Nil while a `{file:}`
    /// document is unread.
    public var files: [(name: String, text: String)]? {
        var files: [(name: String, text: String)] = []
        for (name, document) in cloudInit.documents {
            guard let document else {
                if name != "network-config" { files.append((name, name == "meta-data" ? defaultMetaData : "")) }
                continue
            }
            guard let text = document.text else { return nil }
            files.append((name, name == "meta-data" ? withInstanceID(text) : text))
        }
        return files
    }

    /// The instance-id the seed gives cloud-init.
    public var instanceID: String {
        cloudInit.metaData?.text.flatMap(Self.instanceID(in:)) ?? domain
    }

    private var defaultMetaData: String { "instance-id: \(domain)\nlocal-hostname: \(domain)\n" }

    private func withInstanceID(_ text: String) -> String {
        Self.instanceID(in: text) == nil ? "instance-id: \(domain)\n" + text : text
    }

    /// A top-level `instance-id:` line of meta-data (YAML, or JSON with the key first on its line).
    static func instanceID(in metaData: String) -> String? {
        for line in metaData.split(separator: "\n") where line.first != " " && line.first != "\t" {
            var rest = Substring(line)
            if rest.hasPrefix("{") { rest = rest.dropFirst().drop { $0 == " " } }
            for key in ["instance-id:", "\"instance-id\":"] where rest.hasPrefix(key) {
                let value = rest.dropFirst(key.count).prefix { $0 != "," && $0 != "}" && $0 != "#" }
                    .filter { !" \"'".contains($0) }
                return value.isEmpty ? nil : String(value)
            }
        }
        return nil
    }
}

extension Manifest {
    /// The domain's cloud-init settings, typed or beside `spec.xml`; nil for other kinds.
    /// The seed volume a domain's `cloudInit` implies: in `cloudInit.pool`, else in the pool of the
    /// domain's first volume disk; nil without cloudInit or without a pool.
    public var seedVolume: ObjectID? {
        guard let cloudInit else { return nil }
        let firstPool: String? =
            switch spec {
            case .domain(let spec):
                spec.devices.disks.lazy.compactMap { disk -> String? in
                    if case .volume(let pool, _) = disk.source { return pool }
                    return nil
                }.first
            case .rawXML(let raw):
                raw.xml.child("devices")?.children("disk").lazy.compactMap { $0.child("source")?[attribute: "pool"] }
                    .first
            default: nil
            }
        return (cloudInit.pool ?? firstPool).map {
            ObjectID(.volume, SeedSpec.volumeName(domain: metadata.name), pool: $0)
        }
    }

    public var cloudInit: CloudInit? {
        switch spec {
        case .domain(let spec): spec.cloudInit
        case .rawXML(let raw) where raw.kind == .domain: raw.cloudInit
        default: nil
        }
    }
}
