extension HostCheck {
    /// The report people read: one aligned line per check, each fix indented under its line.
    ///
    ///     pass  /dev/kvm  present, crw-rw---- root:kvm
    ///     fail  libvirtd  qemu:///system does not answer: ...
    ///           fix: sudo systemctl enable --now libvirtd
    public static func render(_ results: [HostCheckResult]) -> String {
        let width = results.map(\.name.count).max() ?? 0
        var lines: [String] = []
        for result in results {
            let status = result.status.rawValue.padding(toLength: 4)
            lines.append("\(status)  \(result.name.padding(toLength: width))  \(result.detail)")
            guard let fix = result.fix else { continue }
            for (index, fixLine) in fix.split(separator: "\n").enumerated() {
                lines.append((index == 0 ? "      fix: " : "           ") + fixLine)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Whether `virtsync check` should exit 0: nothing failed (warnings allowed).
    public static func passed(_ results: [HostCheckResult]) -> Bool {
        !results.contains { $0.status == .fail }
    }
}

extension String {
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
