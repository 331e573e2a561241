/// A virtual machine (seed 4.1, 4.3, 5.1–5.4): `kind: Domain`.
///
/// Defaults follow virt-install where it has one (see docs/manifests.md).
public struct DomainSpec: Sendable, Hashable {
    public enum DomainType: String, Sendable, Hashable, CaseIterable { case kvm, qemu }
    /// The power state the agent keeps; nil (bare XML) leaves it alone, as `virsh define` does.
    public enum PowerState: String, Sendable, Hashable, Codable, CaseIterable { case running, shutoff, paused }
    /// Whether the agent may restart a running domain to apply a change that needs it.
    public enum RestartPolicy: String, Sendable, Hashable, CaseIterable {
        case never = "Never"
        case graceful = "Graceful"
    }
    /// A set of defaults for the device lists a manifest leaves out (`spec.profile`), applied when the
    /// manifest is read: what it adds is then in `devices` like what the manifest says.
    public enum Profile: String, Sendable, Hashable, CaseIterable {
        case virtInstall = "virt-install"
    }
    public enum LifecycleAction: String, Sendable, Hashable, CaseIterable {
        case destroy, restart, preserve
        case renameRestart = "rename-restart"
        case coredumpDestroy = "coredump-destroy"
        case coredumpRestart = "coredump-restart"
    }

    public var type: DomainType
    public var uuid: String?
    public var memory: ByteSize
    public var currentMemory: ByteSize?
    public var vcpus: Int
    /// vCPUs online at boot (`<vcpu current=>`), at most `vcpus`; changeable live.
    public var currentVcpus: Int?
    public var os: OS
    public var features: Features
    public var cpu: CPU?
    public var cputune: CPUTune?
    public var memoryBacking: MemoryBacking?
    public var clockOffset: ClockOffset
    public var onPoweroff: LifecycleAction
    public var onReboot: LifecycleAction
    public var onCrash: LifecycleAction
    public var devices: Devices
    public var state: PowerState?
    public var autostart: Bool?
    public var restartPolicy: RestartPolicy
    /// How long a graceful shutdown may take before the domain is destroyed.
    public var shutdownTimeoutSeconds: Int
    /// Checked after the agent creates, restarts or replaces the domain; nil checks nothing.
    public var health: HealthCheck?
    /// A cloud-init NoCloud seed attached as a cdrom; nil for none.
    public var cloudInit: CloudInit?

    public init(
        type: DomainType = .kvm,
        uuid: String? = nil,
        memory: ByteSize,
        currentMemory: ByteSize? = nil,
        vcpus: Int,
        currentVcpus: Int? = nil,
        os: OS = OS(),
        features: Features = Features(),
        cpu: CPU? = nil,
        cputune: CPUTune? = nil,
        memoryBacking: MemoryBacking? = nil,
        clockOffset: ClockOffset = .utc,
        onPoweroff: LifecycleAction = .destroy,
        onReboot: LifecycleAction = .restart,
        onCrash: LifecycleAction = .destroy,
        devices: Devices = Devices(),
        state: PowerState? = .running,
        autostart: Bool? = false,
        restartPolicy: RestartPolicy = .never,
        shutdownTimeoutSeconds: Int = 120
    ) {
        self.type = type
        self.uuid = uuid
        self.memory = memory
        self.currentMemory = currentMemory
        self.vcpus = vcpus
        self.currentVcpus = currentVcpus
        self.os = os
        self.features = features
        self.cpu = cpu
        self.cputune = cputune
        self.memoryBacking = memoryBacking
        self.clockOffset = clockOffset
        self.onPoweroff = onPoweroff
        self.onReboot = onReboot
        self.onCrash = onCrash
        self.devices = devices
        self.state = state
        self.autostart = autostart
        self.restartPolicy = restartPolicy
        self.shutdownTimeoutSeconds = shutdownTimeoutSeconds
    }
}

extension DomainSpec {
    /// `<os>`: architecture, machine type (`pc`, `q35` or an exact `pc-q35-7.2`), boot order, firmware,
    /// and a kernel booted directly (`<kernel>`, `<initrd>`, `<cmdline>`).
    public struct OS: Sendable, Hashable {
        public enum BootDevice: String, Sendable, Hashable, CaseIterable { case hd, cdrom, network, fd }
        public enum Firmware: String, Sendable, Hashable, CaseIterable { case bios, efi }
        public var arch: String
        public var machine: String?
        public var boot: [BootDevice]
        public var firmware: Firmware?
        public var kernel: String?
        public var initrd: String?
        public var cmdline: String?
        public init(
            arch: String = "x86_64",
            machine: String? = nil,
            boot: [BootDevice] = [],
            firmware: Firmware? = nil,
            kernel: String? = nil,
            initrd: String? = nil,
            cmdline: String? = nil
        ) {
            self.arch = arch
            self.machine = machine
            self.boot = boot
            self.firmware = firmware
            self.kernel = kernel
            self.initrd = initrd
            self.cmdline = cmdline
        }
    }

    /// `<features>`: acpi and apic on by default (virt-install), pae off unless asked.
    public struct Features: Sendable, Hashable {
        public var acpi: Bool
        public var apic: Bool
        public var pae: Bool
        public init(acpi: Bool = true, apic: Bool = true, pae: Bool = false) {
            self.acpi = acpi
            self.apic = apic
            self.pae = pae
        }
    }

    /// `<cpu>` (seed 5.1): mode, custom model, topology and cache mode.
    public struct CPU: Sendable, Hashable {
        public enum Mode: String, Sendable, Hashable, CaseIterable {
            case hostPassthrough = "host-passthrough"
            case hostModel = "host-model"
            case custom
        }
        public enum CacheMode: String, Sendable, Hashable, CaseIterable { case passthrough, emulate, disable }
        public struct Topology: Sendable, Hashable {
            public var sockets: Int
            public var dies: Int?
            public var cores: Int
            public var threads: Int
            public init(sockets: Int, dies: Int? = nil, cores: Int, threads: Int) {
                self.sockets = sockets
                self.dies = dies
                self.cores = cores
                self.threads = threads
            }
            public var vcpus: Int { sockets * (dies ?? 1) * cores * threads }
        }
        public var mode: Mode
        public var model: String?
        public var topology: Topology?
        public var cache: CacheMode?
        public init(mode: Mode, model: String? = nil, topology: Topology? = nil, cache: CacheMode? = nil) {
            self.mode = mode
            self.model = model
            self.topology = topology
            self.cache = cache
        }
    }

    /// `<cputune>` (seed 5.1): vCPU pinning and the emulator threads' CPU set.
    public struct CPUTune: Sendable, Hashable {
        public struct VCPUPin: Sendable, Hashable {
            public var vcpu: Int
            public var cpuset: String
            public init(vcpu: Int, cpuset: String) {
                self.vcpu = vcpu
                self.cpuset = cpuset
            }
        }
        public var vcpupins: [VCPUPin]
        public var emulatorpin: String?
        public init(vcpupins: [VCPUPin] = [], emulatorpin: String? = nil) {
            self.vcpupins = vcpupins
            self.emulatorpin = emulatorpin
        }
    }

    /// `<memoryBacking>` (seed 5.2): hugepages, optionally of one page size.
    public struct MemoryBacking: Sendable, Hashable {
        public var hugepages: Bool
        public var pageSize: ByteSize?
        public init(hugepages: Bool = true, pageSize: ByteSize? = nil) {
            self.hugepages = hugepages
            self.pageSize = pageSize
        }
    }

    public enum ClockOffset: String, Sendable, Hashable, CaseIterable { case utc, localtime }
}
