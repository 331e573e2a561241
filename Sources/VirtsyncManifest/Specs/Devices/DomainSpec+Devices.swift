extension DomainSpec {
    /// `<devices>`: the lists a domain manifest owns, each declared once in `lists`. A device added by hand
    /// to a list the manifest names is drift; a newer list the manifest leaves out (nil) is libvirt's.
    public struct Devices: Sendable, Hashable {
        public var emulator: String?
        public var disks: [Disk]
        public var interfaces: [Interface]
        public var graphics: [Graphics]
        public var filesystems: [Filesystem]?
        public var serials: [Serial]?
        public var consoles: [Console]?
        public var channels: [Channel]?
        public var tpms: [TPM]?
        public var videos: [Video]?
        public var hostdevs: [HostDev]?
        public var watchdogs: [Watchdog]?
        public var rngs: [RNG]?

        public init(
            emulator: String? = nil,
            disks: [Disk] = [],
            interfaces: [Interface] = [],
            graphics: [Graphics] = [],
            filesystems: [Filesystem]? = nil,
            serials: [Serial]? = nil,
            consoles: [Console]? = nil,
            channels: [Channel]? = nil,
            tpms: [TPM]? = nil,
            videos: [Video]? = nil,
            hostdevs: [HostDev]? = nil,
            watchdogs: [Watchdog]? = nil,
            rngs: [RNG]? = nil
        ) {
            self.emulator = emulator
            self.disks = disks
            self.interfaces = interfaces
            self.graphics = graphics
            self.filesystems = filesystems
            self.serials = serials
            self.consoles = consoles
            self.channels = channels
            self.tpms = tpms
            self.videos = videos
            self.hostdevs = hostdevs
            self.watchdogs = watchdogs
            self.rngs = rngs
        }

        /// Every typed device list, in libvirt's order of device kinds (the order they render in).
        public static let lists: [DeviceList] = [
            .disks, .filesystems, .interfaces, .serials, .consoles, .channels, .tpms, .graphics, .videos,
            .hostdevs, .watchdogs, .rngs,
        ]
    }
}

extension DomainSpec.Devices {
    /// `devices/<element>` of the lists this manifest names that are not owned by every manifest.
    public var ownedLists: Set<String> {
        Set(Self.lists.filter { !$0.alwaysOwned && $0.isNamed(self) }.map { "devices/\($0.element)" })
    }
}
