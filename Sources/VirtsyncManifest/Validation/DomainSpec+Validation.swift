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
        validateDisks(scope: scope, into: &findings)
        validateInterfaces(scope: scope, into: &findings)
        for (index, graphics) in devices.graphics.enumerated() {
            if let port = graphics.port, !(5900...65535).contains(port) {
                findings.error("spec.devices.graphics[\(index)].port", "port \(port) is outside 5900-65535; leave it out for autoport")
            }
        }
    }

    private func validateDisks(scope: ValidationScope, into findings: inout Findings) {
        var targets: [String: Int] = [:]
        for (index, disk) in devices.disks.enumerated() {
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

    private func validateInterfaces(scope: ValidationScope, into findings: inout Findings) {
        var macs: [String: Int] = [:]
        for (index, interface) in devices.interfaces.enumerated() {
            let field = "spec.devices.interfaces[\(index)]"
            if case .network(let network) = interface.source {
                scope.require(ObjectID(.network, network), at: "\(field).network", in: &findings)
            }
            guard let mac = interface.mac else { continue }
            if let problem = MACRule.problem(with: mac) {
                findings.error("\(field).mac", problem)
            } else if let earlier = macs[mac.lowercased()] {
                findings.error("\(field).mac", "MAC '\(mac)' is already used by interfaces[\(earlier)]")
            } else {
                macs[mac.lowercased()] = index
            }
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
                    + "x \(topology.threads) threads) but vcpus is \(vcpus)")
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
