extension DomainSpec {
    static let fields = [
        "type", "uuid", "memory", "currentMemory", "vcpus", "currentVcpus", "os", "features", "cpu", "cputune",
        "memoryBacking", "clock", "onPoweroff", "onReboot", "onCrash", "devices", "state", "autostart",
        "restartPolicy", "shutdownTimeout", "cloudInit",
    ]

    /// Reads `spec` of a `kind: Domain` document.
    init?(reading field: Field) {
        guard let spec = field.mapping(Self.fields) else { return nil }
        let memory = spec.required("memory")?.size()
        let vcpus = spec.required("vcpus")?.int(in: 1...4096)
        let lifecycle = { (key: String, fallback: LifecycleAction) in
            spec.optional(key)?.choice(LifecycleAction.self) ?? fallback
        }
        let clock = spec.optional("clock")?.mapping(["offset"])
        var domain = DomainSpec(
            type: spec.optional("type")?.choice(DomainType.self) ?? .kvm,
            uuid: spec.optional("uuid")?.string(),
            memory: memory ?? ByteSize(bytes: 0),
            currentMemory: spec.optional("currentMemory")?.size(),
            vcpus: vcpus ?? 0,
            currentVcpus: spec.optional("currentVcpus")?.int(in: 1...4096),
            os: spec.optional("os").flatMap(OS.init(reading:)) ?? OS(),
            features: spec.optional("features").flatMap(Features.init(reading:)) ?? Features(),
            cpu: spec.optional("cpu").flatMap(CPU.init(reading:)),
            cputune: spec.optional("cputune").flatMap(CPUTune.init(reading:)),
            memoryBacking: spec.optional("memoryBacking").flatMap(MemoryBacking.init(reading:)),
            clockOffset: clock?.optional("offset")?.choice(ClockOffset.self) ?? .utc,
            onPoweroff: lifecycle("onPoweroff", .destroy),
            onReboot: lifecycle("onReboot", .restart),
            onCrash: lifecycle("onCrash", .destroy),
            devices: spec.optional("devices").flatMap(Devices.init(reading:)) ?? Devices())
        domain.state = spec.optional("state")?.choice(PowerState.self) ?? .running
        domain.autostart = spec.optional("autostart")?.bool() ?? false
        domain.restartPolicy = spec.optional("restartPolicy")?.choice(RestartPolicy.self) ?? .never
        domain.shutdownTimeoutSeconds = spec.optional("shutdownTimeout")?.seconds() ?? 120
        domain.cloudInit = spec.optional("cloudInit").flatMap(CloudInit.init(reading:))
        guard memory != nil, vcpus != nil else { return nil }
        self = domain
    }
}

extension DomainSpec.OS {
    init?(reading field: Field) {
        guard let os = field.mapping(["arch", "machine", "boot", "firmware"]) else { return nil }
        self.init(
            arch: os.optional("arch")?.string() ?? "x86_64",
            machine: os.optional("machine")?.string(),
            boot: os.optional("boot")?.list()?.compactMap { $0.choice(BootDevice.self) } ?? [],
            firmware: os.optional("firmware")?.choice(Firmware.self))
    }
}

extension DomainSpec.Features {
    init?(reading field: Field) {
        guard let features = field.mapping(["acpi", "apic", "pae"]) else { return nil }
        self.init(
            acpi: features.optional("acpi")?.bool() ?? true,
            apic: features.optional("apic")?.bool() ?? true,
            pae: features.optional("pae")?.bool() ?? false)
    }
}

extension DomainSpec.CPU {
    init?(reading field: Field) {
        guard let cpu = field.mapping(["mode", "model", "topology", "cache"]) else { return nil }
        let mode = cpu.required("mode")?.choice(Mode.self)
        let model = cpu.optional("model")?.string()
        let topology = cpu.optional("topology").flatMap(Topology.init(reading:))
        let cache = cpu.optional("cache")?.choice(CacheMode.self)
        guard let mode else { return nil }
        self.init(mode: mode, model: model, topology: topology, cache: cache)
    }
}

extension DomainSpec.CPU.Topology {
    /// Members left out count as one, so `{cores: 4}` reads as one socket of four single-thread cores.
    init?(reading field: Field) {
        guard let topology = field.mapping(["sockets", "dies", "cores", "threads"]) else { return nil }
        self.init(
            sockets: topology.optional("sockets")?.int(in: 1...4096) ?? 1,
            dies: topology.optional("dies")?.int(in: 1...4096),
            cores: topology.optional("cores")?.int(in: 1...4096) ?? 1,
            threads: topology.optional("threads")?.int(in: 1...4096) ?? 1)
    }
}

extension DomainSpec.CPUTune {
    init?(reading field: Field) {
        guard let tune = field.mapping(["vcpupins", "emulatorpin"]) else { return nil }
        self.init(
            vcpupins: tune.optional("vcpupins")?.list()?.compactMap(VCPUPin.init(reading:)) ?? [],
            emulatorpin: tune.optional("emulatorpin")?.string())
    }
}

extension DomainSpec.CPUTune.VCPUPin {
    init?(reading field: Field) {
        guard let pin = field.mapping(["vcpu", "cpuset"]) else { return nil }
        let vcpu = pin.required("vcpu")?.int(in: 0...4095)
        let cpuset = pin.required("cpuset")?.string()
        guard let vcpu, let cpuset else { return nil }
        self.init(vcpu: vcpu, cpuset: cpuset)
    }
}

extension DomainSpec.MemoryBacking {
    init?(reading field: Field) {
        guard let backing = field.mapping(["hugepages", "pageSize"]) else { return nil }
        self.init(
            hugepages: backing.optional("hugepages")?.bool() ?? true,
            pageSize: backing.optional("pageSize")?.size())
    }
}
