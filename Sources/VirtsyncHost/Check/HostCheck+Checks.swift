extension HostCheck {
    func cpuFlags() -> HostCheckResult {
        let name = "cpu virtualization"
        guard probe.cpuinfo != nil else {
            return HostCheckResult(name: name, status: .warn, detail: "cannot read /proc/cpuinfo")
        }
        if let vendor {
            return HostCheckResult(name: name, status: .pass, detail: "\(vendor.rawValue) (\(vendor.label))")
        }
        if probe.kvmDevice != nil {
            // Some hypervisors hide the flag from a guest that may still use /dev/kvm (nested KVM).
            return HostCheckResult(name: name, status: .warn, detail: "no vmx or svm flag, yet /dev/kvm is present")
        }
        return HostCheckResult(
            name: name,
            status: .warn,
            detail: "no vmx or svm flag: only emulated CPUs (TCG), so use type qemu; type kvm will not start",
            fix: "enable Intel VT-x / AMD-V in the firmware setup, then: grep -E 'vmx|svm' /proc/cpuinfo"
        )
    }

    func kvmModules() -> HostCheckResult {
        let name = "kvm modules"
        guard let modules = probe.modules else {
            if probe.kvmDevice != nil {
                return HostCheckResult(name: name, status: .pass, detail: "/proc/modules unreadable, /dev/kvm present")
            }
            return HostCheckResult(name: name, status: unsupported, detail: "cannot read /proc/modules", fix: moduleFix)
        }
        let loaded = Set(modules.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        let vendorModules = ["kvm_intel", "kvm_amd"].filter(loaded.contains)
        if loaded.contains("kvm"), !vendorModules.isEmpty {
            return HostCheckResult(name: name, status: .pass, detail: (["kvm"] + vendorModules).joined(separator: ", "))
        }
        if probe.kvmDevice != nil {
            // A kernel with KVM built in lists no module, yet /dev/kvm is there.
            return HostCheckResult(
                name: name,
                status: .pass,
                detail: "not loaded as modules (built in), /dev/kvm present"
            )
        }
        let missing = loaded.contains("kvm") ? "kvm is loaded but neither kvm_intel nor kvm_amd" : "kvm is not loaded"
        return HostCheckResult(name: name, status: unsupported, detail: missing, fix: moduleFix)
    }

    func kvmDevice() -> HostCheckResult {
        let name = "/dev/kvm"
        guard let device = probe.kvmDevice else {
            return HostCheckResult(
                name: name,
                status: unsupported,
                detail: "absent: no KVM acceleration",
                fix: "\(moduleFix)\n\(Self.installCommand)"
            )
        }
        let found = "present, \(device.listing)"
        if device.isReadWritable(by: probe.user) {
            return HostCheckResult(name: name, status: .pass, detail: found)
        }
        return HostCheckResult(
            name: name,
            status: .fail,
            detail: "\(found), not read-writable by \(probe.user.name)",
            fix: "sudo usermod -aG \(device.group) $USER  \(Self.logInAgain)"
        )
    }

    /// Missing KVM is a failure on a CPU that has VT-x/AMD-V (it should be there) and a warning on one
    /// that has not (nothing can be loaded; TCG is all there is).
    private var unsupported: HostCheckResult.Status { vendor == nil ? .warn : .fail }
}
