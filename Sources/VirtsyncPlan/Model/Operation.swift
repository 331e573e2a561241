public import VirtsyncManifest

/// One libvirt write a step performs, in order. A plan is data: these are what `apply` executes.
public enum Operation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Define (or redefine, keeping the UUID) a domain, network or pool from this XML.
    case define(xml: String)
    /// Create a volume from this XML, optionally copying the contents of the volume at a path.
    case createVolume(xml: String, copyFrom: String?)
    /// Create a volume from this XML and fill it with an image by URL (fetched into the host's cache,
    /// checked, decompressed), then grow it to the XML's capacity when the image is smaller.
    case createVolumeFromImage(xml: String, image: VolumeSpec.ImageSource)
    /// (Re)write a cloud-init seed volume: delete the old one if any, create it, upload the new ISO.
    case writeSeed(xml: String, seed: SeedOperation)
    /// `pool-build`: make the pool's directory.
    case build
    /// Start a domain, network or pool.
    case start
    case suspend
    case resume
    /// Shut a domain down gracefully: ACPI, wait up to the timeout, then destroy.
    case shutdown(timeoutSeconds: Int)
    /// Stop (deactivate) a network or pool; nothing is deleted.
    case stop
    case setAutostart(Bool)
    /// Balloon a running domain to this many KiB (live only; the definition is updated by `define`).
    case setMemoryLive(kibibytes: UInt64)
    case setVcpusLive(Int)
    /// Hot-plug a device into the running domain (its definition is updated by `define`).
    case attachDeviceLive(xml: String)
    /// Grow a volume; online through `blockResize` when a running domain uses it.
    case growVolume(bytes: UInt64, domain: String?, target: String?)
    /// Add or delete one DHCP host of a network, live and in its definition.
    case updateDHCPHost(add: Bool, xml: String)
    case undefine
    case deleteVolume

    // The JSON keys of the unnamed payloads, which would otherwise be `_0`: `{"setAutostart": {"enabled":
    // true}}`, `{"setVcpusLive": {"count": 2}}`.
    private enum SetAutostartCodingKeys: String, CodingKey { case _0 = "enabled" }
    private enum SetVcpusLiveCodingKeys: String, CodingKey { case _0 = "count" }

    public var description: String {
        switch self {
        case .define: "define"
        case .createVolume(_, let from): from.map { "create volume from \($0)" } ?? "create volume"
        case .createVolumeFromImage(_, let image):
            "create volume from \(image.url) (sha256 \(image.sha256.prefix(12))…)"
        case .writeSeed(_, let seed): "write cloud-init seed (\(seed.summary))"
        case .build: "build"
        case .start: "start"
        case .suspend: "suspend"
        case .resume: "resume"
        case .shutdown(let timeout): "shut down (ACPI, \(timeout)s, then destroy)"
        case .stop: "stop"
        case .setAutostart(let on): "autostart \(on ? "on" : "off")"
        case .setMemoryLive(let kib): "set memory live to \(kib) KiB"
        case .setVcpusLive(let count): "set vCPUs live to \(count)"
        case .attachDeviceLive(let xml): "hot-plug \(xml)"
        case .growVolume(let bytes, let domain, let target):
            domain.map { "grow to \(bytes) bytes online (\($0) \(target ?? ""))" } ?? "grow to \(bytes) bytes"
        case .updateDHCPHost(let add, let xml): "\(add ? "add" : "delete") DHCP host \(xml)"
        case .undefine: "undefine"
        case .deleteVolume: "delete volume"
        }
    }
}
