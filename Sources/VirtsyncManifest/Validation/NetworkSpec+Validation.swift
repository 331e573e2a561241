extension NetworkSpec {
    /// Forward modes and addresses: what libvirt would refuse at define time, said earlier and clearer.
    func validate(into findings: inout Findings) {
        if let uuid, let problem = UUIDRule.problem(with: uuid) { findings.error("spec.uuid", problem) }
        if let forward {
            if let ports = forward.natPorts {
                if forward.mode != .nat {
                    findings.error(
                        "spec.forward.natPorts",
                        "natPorts only apply to forward mode nat, not \(forward.mode.rawValue)"
                    )
                } else if ports.lowerBound < 1 || ports.upperBound > 65535 {
                    findings.error("spec.forward.natPorts", "ports must lie within 1-65535")
                }
            }
            if forward.mode == .bridge, bridge?.name == nil {
                findings.error(
                    "spec.forward",
                    "forward mode bridge needs bridge.name (an existing host bridge such as br0)"
                )
            }
        }
        for (index, ip) in ips.enumerated() {
            ip.validate(field: "spec.ips[\(index)]", into: &findings)
        }
    }
}

extension NetworkSpec.IP {
    func validate(field: String, into findings: inout Findings) {
        switch family {
        case .ipv6:
            if prefix == nil { findings.error(field, "an IPv6 address needs a prefix") }
            if netmask != nil { findings.error("\(field).netmask", "an IPv6 address takes a prefix, not a netmask") }
        case .ipv4:
            if prefix == nil, netmask == nil { findings.error(field, "an IPv4 address needs a netmask or a prefix") }
            if prefix != nil, netmask != nil { findings.error("\(field).prefix", "set netmask or prefix, not both") }
            if let prefix, prefix > 32 {
                findings.error("\(field).prefix", "an IPv4 prefix is at most 32, got \(prefix)")
            }
        }
        for (index, host) in (dhcp?.hosts ?? []).enumerated() {
            if let mac = host.mac, let problem = MACRule.problem(with: mac) {
                findings.error("\(field).dhcp.hosts[\(index)].mac", problem)
            }
        }
    }
}

extension StoragePoolSpec {
    /// Only `dir` pools are rendered; a pool's directory must be a clean absolute path.
    func validate(into findings: inout Findings) {
        if type != .dir { findings.error("spec.type", "pool type '\(type.rawValue)' is not supported yet") }
        if let uuid, let problem = UUIDRule.problem(with: uuid) { findings.error("spec.uuid", problem) }
        if let problem = PathRule.shapeProblem(with: targetPath) { findings.error("spec.target.path", problem) }
    }
}

extension VolumeSpec {
    /// The pool must exist; images the volume reads from must lie under an allowed prefix.
    func validate(scope: ValidationScope, into findings: inout Findings) {
        if capacity.bytes == 0 { findings.error("spec.capacity", "capacity must be more than 0") }
        scope.require(ObjectID(.storagePool, pool), at: "spec.pool", in: &findings)
        if let backingStore { scope.checkPath(backingStore.path, at: "spec.backingStore.path", in: &findings) }
        if let source { scope.checkPath(source.path, at: "spec.source.path", in: &findings) }
        // A file:// image is read by the agent as root: only from where disk images may come from.
        if let image, image.url.lowercased().hasPrefix("file://") {
            scope.checkPath(String(image.url.dropFirst("file://".count)), at: "spec.source.url", in: &findings)
        }
    }
}
