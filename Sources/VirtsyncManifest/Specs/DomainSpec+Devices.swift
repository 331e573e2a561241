extension DomainSpec {
    /// `<devices>`: the lists a domain manifest owns. A device added by hand is drift.
    public struct Devices: Sendable, Hashable {
        public var emulator: String?
        public var disks: [Disk]
        public var interfaces: [Interface]
        public var graphics: [Graphics]
        public init(emulator: String? = nil, disks: [Disk] = [], interfaces: [Interface] = [], graphics: [Graphics] = []) {
            self.emulator = emulator
            self.disks = disks
            self.interfaces = interfaces
            self.graphics = graphics
        }
    }

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
            target: String, device: Device = .disk, bus: Bus = .virtio, source: Source, format: String? = nil,
            cache: Cache? = nil, io: IO? = nil, readonly: Bool = false
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

    /// A network interface (seed 4.1 `--network`, 5.3 virtio + vhost), keyed by MAC when set, else by order.
    public struct Interface: Sendable, Hashable {
        public enum Source: Sendable, Hashable {
            /// A libvirt network (`<interface type='network'>`).
            case network(String)
            /// An existing host bridge such as `br0` or `virbr0` (`<interface type='bridge'>`).
            case bridge(String)
        }
        public var source: Source
        public var model: String
        /// Backend driver name (`vhost` or `qemu`).
        public var driver: String?
        public var mac: String?
        public init(source: Source, model: String = "virtio", driver: String? = nil, mac: String? = nil) {
            self.source = source
            self.model = model
            self.driver = driver
            self.mac = mac
        }
    }

    /// A graphical console (seed 4.1 `--graphics vnc,listen=0.0.0.0`): a fixed port, or autoport when unset.
    public struct Graphics: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable { case vnc, spice }
        public var type: Kind
        public var listen: String?
        public var port: Int?
        public init(type: Kind = .vnc, listen: String? = nil, port: Int? = nil) {
            self.type = type
            self.listen = listen
            self.port = port
        }
    }
}
