/// `virtsync check`: the seed's section 2 ("installing and checking KVM") as a list of verdicts.
///
/// Each check reads only the probe, so the verdicts are a pure function of what the host looks like.
/// A missing CPU flag is a warning, not a failure: a host without VT-x/AMD-V still runs `type: qemu`
/// domains under TCG, as virt-host-validate also says.
public struct HostCheck {
    public var probe: HostProbe
    /// The libvirt URI whose daemon must answer.
    public var uri: String

    public init(probe: HostProbe, uri: String = "qemu:///system") {
        self.probe = probe
        self.uri = uri
    }

    /// Every check, in the seed's order: CPU, modules, /dev/kvm, libvirtd, its socket, group membership.
    public func run() -> [HostCheckResult] {
        [cpuFlags(), kvmModules(), kvmDevice(), libvirtd(), socket(), groups()]
    }

    /// The seed's install line, the fix when libvirt or QEMU is missing altogether.
    static let installCommand =
        "sudo apt install -y qemu-kvm libvirt-daemon-system libvirt-clients bridge-utils virt-manager"
    static let enableCommand = "sudo systemctl enable --now libvirtd"
    static let logInAgain = "(log in again for the group to take effect)"

    /// The hardware virtualization flag, from `grep -E 'vmx|svm' /proc/cpuinfo`.
    enum Vendor: String {
        case intel = "vmx"
        case amd = "svm"
        var module: String { self == .intel ? "kvm_intel" : "kvm_amd" }
        var label: String { self == .intel ? "Intel VT-x" : "AMD-V" }
    }

    var vendor: Vendor? {
        guard let cpuinfo = probe.cpuinfo else { return nil }
        let flags = cpuinfo.split(separator: "\n").lazy
            .filter { $0.hasPrefix("flags") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).dropFirst().flatMap { $0.split(separator: " ") } }
        let set = Set(flags.map(String.init))
        return [Vendor.intel, .amd].first { set.contains($0.rawValue) }
    }

    /// The module to load for this CPU, or both names when the vendor is unknown.
    var moduleFix: String { "sudo modprobe \(vendor?.module ?? "kvm_intel  # or kvm_amd on AMD")" }
}
