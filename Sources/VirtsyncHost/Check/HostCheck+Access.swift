extension HostCheck {
    func libvirtd() -> HostCheckResult {
        let name = "libvirtd"
        switch probe.connect(uri) {
        case .success(let answer):
            return HostCheckResult(name: name, status: .pass, detail: "\(uri) answers: \(answer)")
        case .failure(let error):
            // No socket at all usually means libvirt is not installed; a socket means it is not serving.
            let fix = probe.socket == nil ? "\(Self.installCommand)\n\(Self.enableCommand)" : Self.enableCommand
            return HostCheckResult(name: name, status: .fail, detail: "\(uri) does not answer: \(error)", fix: fix)
        }
    }

    func socket() -> HostCheckResult {
        let name = "libvirt socket"
        guard let socket = probe.socket else {
            return HostCheckResult(
                name: name,
                status: .fail,
                detail: "\(probe.socketPath) absent: libvirtd is not running",
                fix: Self.enableCommand
            )
        }
        let found = "\(probe.socketPath) \(socket.listing)"
        if socket.isReadWritable(by: probe.user) {
            return HostCheckResult(name: name, status: .pass, detail: found)
        }
        return HostCheckResult(
            name: name,
            status: .fail,
            detail: "\(found), not writable by \(probe.user.name)",
            fix: "sudo usermod -aG \(socket.group) $USER  \(Self.logInAgain)"
        )
    }

    /// The seed's section 2.3: membership of `libvirt` and `kvm`. Only a warning: the socket and
    /// /dev/kvm checks already fail when a missing group actually blocks access.
    func groups() -> HostCheckResult {
        let name = "groups"
        let user = probe.user
        if user.isRoot {
            return HostCheckResult(name: name, status: .pass, detail: "root: no group needed")
        }
        let wanted = ["libvirt", "kvm"]
        let missing = wanted.filter { !user.groupNames.contains($0) }
        if missing.isEmpty {
            return HostCheckResult(name: name, status: .pass, detail: "\(user.name) in libvirt, kvm")
        }
        let fix = missing.map { "sudo usermod -aG \($0) $USER" }.joined(separator: "\n") + "\n\(Self.logInAgain)"
        return HostCheckResult(
            name: name,
            status: .warn,
            detail: "\(user.name) not in \(missing.joined(separator: ", "))",
            fix: fix
        )
    }
}
