public import LibvirtXML
public import VirtsyncManifest

/// Renders a `Domain` manifest as libvirt's `<domain>` document (seed 4.1, 4.3, 5.1–5.4).
///
/// Power state, autostart and the restart policy are not XML and are left to the planner.
public enum DomainRenderer {
    /// The `<domain>` document for a domain named `name`; `volumeFormats` gives disks on declared
    /// volumes their driver type (see `Renderer.render(_:volumeFormats:)`).
    public static func render(name: String, _ spec: DomainSpec, volumeFormats: [ObjectID: String] = [:]) -> XElement {
        var domain = XElement("domain", ["type": spec.type.rawValue])
        domain.append(
            XElement("name", text: name),
            spec.uuid.map { XElement("uuid", text: $0) },
            XElement("memory", ["unit": "KiB"], text: String(spec.memory.kibibytes)),
            XElement("currentMemory", ["unit": "KiB"], text: String((spec.currentMemory ?? spec.memory).kibibytes)),
            memoryBacking(spec.memoryBacking, sharedForVirtiofs: !(spec.devices.filesystems ?? []).isEmpty),
            XElement(
                "vcpu",
                ["placement": "static", "current": spec.currentVcpus.map(String.init)],
                text: String(spec.vcpus)
            ),
            spec.cputune.flatMap(cputune),
            os(spec.os),
            features(spec.features),
            spec.cpu.map(cpu),
            XElement("clock", ["offset": spec.clockOffset.rawValue]),
            XElement("on_poweroff", text: spec.onPoweroff.rawValue),
            XElement("on_reboot", text: spec.onReboot.rawValue),
            XElement("on_crash", text: spec.onCrash.rawValue),
            devices(spec.devices, volumeFormats: volumeFormats)
        )
        return domain
    }

    /// `<memoryBacking>`: hugepages (libvirt keeps page sizes in KiB whatever unit they were given in),
    /// then the memfd source and shared access virtiofs needs (virtiofsd maps the guest's memory).
    static func memoryBacking(_ backing: DomainSpec.MemoryBacking?, sharedForVirtiofs: Bool = false) -> XElement? {
        var element = XElement("memoryBacking")
        if let backing, backing.hugepages {
            var hugepages = XElement("hugepages")
            hugepages.append(backing.pageSize.map { XElement("page", ["size": String($0.kibibytes), "unit": "KiB"]) })
            element.append(hugepages)
        }
        if sharedForVirtiofs {
            element.append(XElement("source", ["type": "memfd"]), XElement("access", ["mode": "shared"]))
        }
        return element.children.isEmpty ? nil : element
    }

    /// `<cputune>`: pins in the manifest's order, then the emulator pin, as libvirt writes them.
    static func cputune(_ tune: DomainSpec.CPUTune) -> XElement? {
        var element = XElement("cputune")
        element.children = tune.vcpupins.map { XElement("vcpupin", ["vcpu": String($0.vcpu), "cpuset": $0.cpuset]) }
        element.append(tune.emulatorpin.map { XElement("emulatorpin", ["cpuset": $0]) })
        return element.children.isEmpty ? nil : element
    }

    /// `<os>`: BIOS is libvirt's default and gets no `firmware` attribute; an unset machine is left to
    /// libvirt, which fills in its default (`pc-i440fx-7.2` on QEMU 7.2).
    static func os(_ os: DomainSpec.OS) -> XElement {
        var element = XElement("os", ["firmware": os.firmware == .efi ? "efi" : nil])
        element.append(
            XElement("type", ["arch": os.arch, "machine": os.machine], text: "hvm"),
            os.kernel.map { XElement("kernel", text: $0) },
            os.initrd.map { XElement("initrd", text: $0) },
            os.cmdline.map { XElement("cmdline", text: $0) }
        )
        element.children += os.boot.map { XElement("boot", ["dev": $0.rawValue]) }
        return element
    }

    /// `<features>` with the features that are on, in libvirt's order; none at all leaves the element out.
    static func features(_ features: DomainSpec.Features) -> XElement? {
        let on = [("acpi", features.acpi), ("apic", features.apic), ("pae", features.pae)].filter(\.1)
        return on.isEmpty ? nil : XElement("features", children: on.map { XElement($0.0) })
    }

    /// `<cpu>`: a custom model matches exactly and may fall back, which is what libvirt fills in when
    /// a model is named without those attributes.
    static func cpu(_ cpu: DomainSpec.CPU) -> XElement {
        let custom = cpu.mode == .custom
        var element = XElement("cpu", ["mode": cpu.mode.rawValue, "match": custom ? "exact" : nil])
        if custom, let model = cpu.model {
            element.append(XElement("model", ["fallback": "allow"], text: model))
        }
        element.append(
            cpu.topology.map(topology),
            cpu.cache.map(cache)
        )
        return element
    }

    /// `<cache>`: libvirt emulates only an L3 cache and refuses `mode='emulate'` without `level='3'`.
    static func cache(_ mode: DomainSpec.CPU.CacheMode) -> XElement {
        XElement("cache", ["level": mode == .emulate ? "3" : nil, "mode": mode.rawValue])
    }

    static func topology(_ topology: DomainSpec.CPU.Topology) -> XElement {
        XElement(
            "topology",
            [
                "sockets": String(topology.sockets), "dies": topology.dies.map(String.init),
                "cores": String(topology.cores), "threads": String(topology.threads),
            ]
        )
    }
}
