extension DomainSpec.Devices {
    init?(reading field: Field) {
        guard let devices = field.mapping(["emulator", "disks", "interfaces", "graphics"]) else { return nil }
        self.init(
            emulator: devices.optional("emulator")?.string(),
            disks: devices.optional("disks")?.list()?.compactMap(DomainSpec.Disk.init(reading:)) ?? [],
            interfaces: devices.optional("interfaces")?.list()?.compactMap(DomainSpec.Interface.init(reading:)) ?? [],
            graphics: devices.optional("graphics")?.list()?.compactMap(DomainSpec.Graphics.init(reading:)) ?? [])
    }
}

extension DomainSpec.Disk {
    static let fields = ["target", "device", "bus", "volume", "path", "format", "cache", "io", "readonly"]

    /// A CD-ROM defaults to the SATA bus and is always read-only; a disk needs a source, a CD-ROM may be empty.
    init?(reading field: Field) {
        guard let disk = field.mapping(Self.fields) else { return nil }
        let target = disk.required("target")?.string()
        let device = disk.optional("device")?.choice(Device.self) ?? .disk
        let source = Self.readSource(disk, device: device)
        let readonly = disk.optional("readonly")?.bool() ?? false
        guard let target, let source else { return nil }
        self.init(
            target: target, device: device,
            bus: disk.optional("bus")?.choice(Bus.self) ?? (device == .cdrom ? .sata : .virtio),
            source: source, format: disk.optional("format")?.string(),
            cache: disk.optional("cache")?.choice(Cache.self), io: disk.optional("io")?.choice(IO.self),
            readonly: device == .cdrom || readonly)
    }

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
}

extension DomainSpec.Interface {
    static let drivers = ["vhost", "qemu"]

    init?(reading field: Field) {
        guard let interface = field.mapping(["network", "bridge", "model", "driver", "mac"]) else { return nil }
        let network = interface.optional("network")?.string()
        let bridge = interface.optional("bridge")?.string()
        let model = interface.optional("model")?.string() ?? "virtio"
        let driver = interface.optional("driver")?.choice(Self.drivers)
        let mac = interface.optional("mac")?.string()
        let source: Source
        switch (network, bridge) {
        case (let network?, nil): source = .network(network)
        case (nil, let bridge?): source = .bridge(bridge)
        case (.some, .some):
            field.state.error(at: field.anchor, field.path, "set either network or bridge, not both")
            return nil
        case (nil, nil):
            if !interface.has("network") && !interface.has("bridge") {
                field.state.error(at: field.anchor, field.path, "an interface needs a network or a bridge")
            }
            return nil
        }
        self.init(source: source, model: model, driver: driver, mac: mac)
    }
}

extension DomainSpec.Graphics {
    init?(reading field: Field) {
        guard let graphics = field.mapping(["type", "listen", "port"]) else { return nil }
        self.init(
            type: graphics.optional("type")?.choice(Kind.self) ?? .vnc,
            listen: graphics.optional("listen")?.string(),
            port: graphics.optional("port")?.int())
    }
}
