public import LibvirtXML

extension DomainSpec {
    /// A disk or CD-ROM (seed 4.1 `--disk`, `--cdrom`; 5.4 virtio-blk tuning), keyed by its target.
    public struct Disk: Sendable, Hashable {
        public enum Device: String, Sendable, Hashable, CaseIterable { case disk, cdrom }
        public enum Bus: String, Sendable, Hashable, CaseIterable { case virtio, sata, scsi, ide, usb }
        public enum Cache: String, Sendable, Hashable, CaseIterable {
            case none, writethrough, writeback, directsync, unsafe
            case hypervisorDefault = "default"
        }
        public enum IO: String, Sendable, Hashable, CaseIterable { case native, threads, io_uring }
        /// Where the disk's data comes from.
        public enum Source: Sendable, Hashable {
            /// A volume of a pool (`<disk type='volume'>`), declared by a Volume manifest or present on the host.
            case volume(pool: String, name: String)
            /// A file path (`<disk type='file'>`); must lie under an allowed prefix.
            case path(String)
            /// An empty CD-ROM drive.
            case empty
        }
        public var target: String
        public var device: Device
        public var bus: Bus
        public var source: Source
        /// Driver type (`qcow2`, `raw`); for a volume source the volume's format is the default.
        public var format: String?
        public var cache: Cache?
        public var io: IO?
        public var readonly: Bool
        public init(
            target: String,
            device: Device = .disk,
            bus: Bus = .virtio,
            source: Source,
            format: String? = nil,
            cache: Cache? = nil,
            io: IO? = nil,
            readonly: Bool = false
        ) {
            self.target = target
            self.device = device
            self.bus = bus
            self.source = source
            self.format = format
            self.cache = cache
            self.io = io
            self.readonly = readonly
        }
    }
}

extension DeviceList {
    static let disks = DeviceList(
        "disks",
        element: "disk",
        \.disks,
        schema: DomainSpec.Disk.schema,
        keyedBy: "`target`",
        xmlKey: { $0.child("target")?[attribute: "dev"] },
        change: .pendingRestart,
        "disks and CD-ROMs (below)",
        xml: { $0.xml(volumeFormats: $1.volumeFormats) },
        validate: { devices, scope, findings in DomainSpec.Disk.validate(devices.disks, scope: scope, into: &findings) }
    )
}

extension DomainSpec.Disk {
    static let schema = Schema<Self>(
        { Self(target: "", source: .empty) },
        [
            Member(
                "target",
                \.target,
                .string,
                required: true,
                "guest device name (`vda`, `sda`); the key of the list",
                default: ""
            ),
            Member("device", \.device, .choice, "`disk` or `cdrom`", default: "`disk`"),
            Member(
                "bus",
                \.bus,
                .choice,
                "`virtio`, `sata`, `scsi`, `ide`, `usb`",
                default: "`virtio` for a disk, `sata` for a cdrom"
            ),
            .documented(
                "volume",
                "`{pool, name}`: a volume (declared by a Volume manifest or already on the host)",
                default: "one of `volume` and `path`"
            ),
            .documented(
                "path",
                "a file (an ISO, an image); must lie under an allowed path",
                default: "neither: an empty cdrom drive"
            ),
            Member(
                "format",
                \.format,
                .string,
                "driver type (`qcow2`, `raw`)",
                default: "the volume's format; `qcow2` for a path disk; `raw` for a cdrom"
            ),
            Member(
                "cache",
                \.cache,
                .choice,
                "`none`, `writethrough`, `writeback`, `directsync`, `unsafe`, `default`",
                default: "libvirt's"
            ),
            Member("io", \.io, .choice, "`native`, `threads`, `io_uring`", default: "libvirt's"),
            Member("readonly", \.readonly, .bool, "read-only disk; a cdrom always is", default: "`false`"),
        ],
        finish: { disk, mapping in
            // A CD-ROM defaults to the SATA bus and is always read-only; a disk needs a source, a CD-ROM may be empty.
            if disk.device == .cdrom {
                if !mapping.has("bus") { disk.bus = .sata }
                disk.readonly = true
            }
            guard let source = readSource(mapping, device: disk.device) else { return false }
            disk.source = source
            return true
        }
    )

    private static func readSource(_ disk: MappingReader, device: Device) -> Source? {
        let volume = disk.optional("volume").flatMap(readVolume)
        let path = disk.optional("path")?.string()
        switch (volume, path) {
        case (let volume?, nil): return volume
        case (nil, let path?): return .path(path)
        case (.some, .some):
            disk.field.state.error(at: disk.field.anchor, disk.field.path, "set either volume or path, not both")
            return nil
        case (nil, nil):
            if disk.has("volume") || disk.has("path") { return nil }
            if device == .cdrom { return .empty }
            disk.field.state.error(at: disk.field.anchor, disk.field.path, "a disk needs a volume or a path")
            return nil
        }
    }

    private static func readVolume(_ field: Field) -> Source? {
        guard let volume = field.mapping(["pool", "name"]) else { return nil }
        let pool = volume.required("pool")?.string()
        let name = volume.required("name")?.string()
        guard let pool, let name else { return nil }
        return .volume(pool: pool, name: name)
    }

    static func validate(_ disks: [Self], scope: ValidationScope, into findings: inout Findings) {
        var targets: [String: Int] = [:]
        for (index, disk) in disks.enumerated() {
            let field = "spec.devices.disks[\(index)]"
            if let earlier = targets[disk.target] {
                findings.error("\(field).target", "target '\(disk.target)' is already used by disks[\(earlier)]")
            } else {
                targets[disk.target] = index
            }
            switch disk.source {
            case .volume(let pool, let name):
                let poolID = ObjectID(.storagePool, pool)
                if scope.declared.contains(poolID) || scope.hostObjects?.contains(poolID) == true {
                    scope.require(ObjectID(.volume, name, pool: pool), at: "\(field).volume", in: &findings)
                } else {
                    scope.require(poolID, at: "\(field).volume.pool", in: &findings)
                }
            case .path(let path):
                scope.checkPath(path, at: "\(field).path", in: &findings)
            case .empty:
                break
            }
        }
    }
}

extension DomainSpec.Disk {
    /// A `<disk>`: `type='volume'` for a pool volume, `type='file'` for a path or an empty CD-ROM drive.
    /// CD-ROMs are read-only in libvirt whatever the manifest says, so they always get `<readonly/>`.
    public func xml(volumeFormats: [ObjectID: String] = [:]) -> XElement {
        let isVolume = if case .volume = source { true } else { false }
        var element = XElement("disk", ["type": isVolume ? "volume" : "file", "device": device.rawValue])
        element.append(
            XElement(
                "driver",
                [
                    "name": "qemu", "type": driverType(volumeFormats: volumeFormats),
                    "cache": cache.flatMap(Self.cacheMode), "io": io?.rawValue,
                ]
            ),
            Self.sourceElement(source),
            XElement("target", ["dev": target, "bus": bus.rawValue]),
            device == .cdrom || readonly ? XElement("readonly") : nil
        )
        return element
    }

    /// The driver type: the manifest's format, else `raw` for a CD-ROM, the declared volume's format for
    /// a volume (none when the volume is not declared: the planner knows it from the host), `qcow2` for a path.
    func driverType(volumeFormats: [ObjectID: String]) -> String? {
        if let format { return format }
        if device == .cdrom { return "raw" }
        switch source {
        case .volume(let pool, let name): return volumeFormats[ObjectID(.volume, name, pool: pool)]
        case .path, .empty: return "qcow2"
        }
    }

    /// libvirt stores `cache='default'` as "not set" and never writes it back, so it is not rendered.
    static func cacheMode(_ cache: Cache) -> String? {
        cache == .hypervisorDefault ? nil : cache.rawValue
    }

    static func sourceElement(_ source: Source) -> XElement? {
        switch source {
        case .volume(let pool, let name): XElement("source", ["pool": pool, "volume": name])
        case .path(let path): XElement("source", ["file": path])
        case .empty: nil
        }
    }
}
