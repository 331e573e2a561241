extension DomainSpec {
    /// Rules between fields, and what the domain uses: volumes, pools, networks, paths.
    func validate(scope: ValidationScope, into findings: inout Findings) {
        if memory.bytes == 0 { findings.error("spec.memory", "memory must be more than 0") }
        if let currentMemory, currentMemory > memory {
            findings.error("spec.currentMemory", "currentMemory \(currentMemory) exceeds memory \(memory)")
        }
        if let currentVcpus, currentVcpus > vcpus {
            findings.error("spec.currentVcpus", "currentVcpus \(currentVcpus) exceeds vcpus \(vcpus)")
        }
        if let uuid, let problem = UUIDRule.problem(with: uuid) { findings.error("spec.uuid", problem) }
        cpu?.validate(vcpus: vcpus, into: &findings)
        cputune?.validate(vcpus: vcpus, into: &findings)
        os.validate(scope: scope, into: &findings)
        for list in Devices.lists { list.validate(devices, scope, &findings) }
        devices.validateBetweenLists(into: &findings)
    }
}

extension DomainSpec.OS {
    /// Direct kernel boot: the files lie under an allowed path, and an initrd or a command line needs a kernel.
    func validate(scope: ValidationScope, into findings: inout Findings) {
        if let kernel { scope.checkPath(kernel, at: "spec.os.kernel", in: &findings) }
        if let initrd { scope.checkPath(initrd, at: "spec.os.initrd", in: &findings) }
        guard kernel == nil else { return }
        if initrd != nil { findings.error("spec.os.initrd", "an initrd needs a kernel (os.kernel)") }
        if cmdline != nil { findings.error("spec.os.cmdline", "a kernel command line needs a kernel (os.kernel)") }
    }
}

extension DomainSpec.Devices {
    /// What libvirt would add by itself to a list the manifest owns, which no define could ever remove.
    func validateBetweenLists(into findings: inout Findings) {
        let serialPorts = Set((serials ?? []).map(\.port))
        for (index, console) in (consoles ?? []).enumerated() where console.target == .serial {
            guard !serialPorts.contains(console.port) else { continue }
            findings.error(
                "spec.devices.consoles[\(index)]",
                "a serial console shows serial port \(console.port), which devices.serials lacks; libvirt would add "
                    + "that port by itself: add {port: \(console.port)} to devices.serials"
            )
        }
        if videos?.isEmpty == true && !graphics.isEmpty {
            findings.error(
                "spec.devices.videos",
                "libvirt adds a video card to a domain with graphics; leave videos out, or list one (model: none for none)"
            )
        }
    }
}

extension DomainSpec.CPU {
    func validate(vcpus: Int, into findings: inout Findings) {
        if model != nil, mode != .custom {
            findings.error("spec.cpu.model", "a model only applies with mode custom, not \(mode.rawValue)")
        }
        if let topology, topology.vcpus != vcpus {
            let dies = topology.dies.map { " x \($0) dies" } ?? ""
            findings.error(
                "spec.cpu.topology",
                "topology gives \(topology.vcpus) vCPUs (\(topology.sockets) sockets\(dies) x \(topology.cores) cores "
                    + "x \(topology.threads) threads) but vcpus is \(vcpus)"
            )
        }
    }
}

extension DomainSpec.CPUTune {
    func validate(vcpus: Int, into findings: inout Findings) {
        var pinned: Set<Int> = []
        for (index, pin) in vcpupins.enumerated() {
            let field = "spec.cputune.vcpupins[\(index)].vcpu"
            if pin.vcpu >= vcpus {
                findings.error(field, "vcpu \(pin.vcpu) does not exist: vcpus is \(vcpus), so the last is \(vcpus - 1)")
            } else if !pinned.insert(pin.vcpu).inserted {
                findings.error(field, "vcpu \(pin.vcpu) is pinned twice")
            }
        }
    }
}
