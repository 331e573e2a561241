import Foundation
import Testing
import VirtsyncHost

/// A host described as values: by default a healthy Intel KVM host and a user in `libvirt` and `kvm`.
private struct FakeHost: Sendable {
    struct Refused: Error, CustomStringConvertible { var description: String { "Connection refused" } }

    var cpuinfo: String? = "processor\t: 0\nflags\t\t: fpu vme de pse vmx sse2\n\nprocessor\t: 1\nflags\t\t: fpu vmx\n"
    var modules: String? = "kvm_intel 372736 0 - Live 0x0000000000000000\nkvm 1142784 1 kvm_intel, Live 0x0\n"
    var kvm: FileStatus? = FileStatus(
        type: .characterDevice,
        mode: 0o660,
        ownerID: 0,
        owner: "root",
        groupID: 107,
        group: "kvm"
    )
    var socket: FileStatus? = FileStatus(
        type: .socket,
        mode: 0o770,
        ownerID: 0,
        owner: "root",
        groupID: 106,
        group: "libvirt"
    )
    var user = UserIdentity(
        uid: 1000,
        name: "alice",
        groupIDs: [1000, 106, 107],
        groupNames: ["alice", "libvirt", "kvm"]
    )
    var answers = true

    var probe: HostProbe {
        let answers = answers
        return HostProbe(
            cpuinfo: cpuinfo,
            modules: modules,
            kvmDevice: kvm,
            socket: socket,
            user: user,
            connect: { uri in answers ? .success(uri) : .failure(Refused()) }
        )
    }

    func with(_ change: (inout FakeHost) -> Void) -> FakeHost {
        var copy = self
        change(&copy)
        return copy
    }

    static let healthy = FakeHost()
    static let amd = healthy.with {
        $0.cpuinfo = "flags\t\t: fpu svm\n"
        $0.modules = "kvm_amd 155648 0 - Live 0x0\nkvm 1142784 1 kvm_amd, Live 0x0\n"
    }
    static let emulatedOnly = healthy.with {
        $0.cpuinfo = "flags\t\t: fpu sse2 hypervisor\n"
        $0.modules = "overlay 151552 1 - Live 0x0\n"
        $0.kvm = nil
    }
    static let outsider = healthy.with {
        $0.user = UserIdentity(uid: 1001, name: "bob", groupIDs: [1001], groupNames: ["bob"])
    }
    static let root = outsider.with {
        $0.user = UserIdentity(uid: 0, name: "root", groupIDs: [0], groupNames: ["root"])
        $0.kvm?.mode = 0o600
    }
}

/// One expected verdict for one check of one host. A nil `fix` means no fix is printed.
private struct Case: Sendable, CustomTestStringConvertible {
    var label: String
    var host: FakeHost
    var check: String
    var status: HostCheckResult.Status
    var fix: String? = nil
    var detail: String? = nil
    var testDescription: String { label }
}

private let relogin = "(log in again for the group to take effect)"
private let install = "sudo apt install -y qemu-kvm libvirt-daemon-system libvirt-clients bridge-utils virt-manager"
private let firmware = "enable Intel VT-x / AMD-V in the firmware setup, then: grep -E 'vmx|svm' /proc/cpuinfo"
private let anyVendor = "sudo modprobe kvm_intel  # or kvm_amd on AMD"

private let cases: [Case] = [
    Case(
        label: "vmx is Intel VT-x",
        host: .healthy,
        check: "cpu virtualization",
        status: .pass,
        detail: "vmx (Intel VT-x)"
    ),
    Case(label: "svm is AMD-V", host: .amd, check: "cpu virtualization", status: .pass, detail: "svm (AMD-V)"),
    Case(
        label: "no flag is a warning: TCG still runs",
        host: .emulatedOnly,
        check: "cpu virtualization",
        status: .warn,
        fix: firmware
    ),
    Case(
        label: "no flag but a /dev/kvm is a warning with nothing to fix",
        host: .healthy.with { $0.cpuinfo = "flags\t\t: fpu\n" },
        check: "cpu virtualization",
        status: .warn,
        detail: "no vmx or svm flag, yet /dev/kvm is present"
    ),
    Case(
        label: "unreadable cpuinfo is a warning",
        host: .healthy.with { $0.cpuinfo = nil },
        check: "cpu virtualization",
        status: .warn,
        detail: "cannot read /proc/cpuinfo"
    ),
    Case(
        label: "kvm and kvm_intel loaded",
        host: .healthy,
        check: "kvm modules",
        status: .pass,
        detail: "kvm, kvm_intel"
    ),
    Case(label: "kvm and kvm_amd loaded", host: .amd, check: "kvm modules", status: .pass, detail: "kvm, kvm_amd"),
    Case(
        label: "kvm without its vendor module fails on a vmx CPU",
        host: .healthy.with {
            $0.modules = "kvm 1142784 0 - Live 0x0\n"
            $0.kvm = nil
        },
        check: "kvm modules",
        status: .fail,
        fix: "sudo modprobe kvm_intel",
        detail: "kvm is loaded but neither kvm_intel nor kvm_amd"
    ),
    Case(
        label: "no kvm module fails on an svm CPU with the AMD module as fix",
        host: .amd.with {
            $0.modules = ""
            $0.kvm = nil
        },
        check: "kvm modules",
        status: .fail,
        fix: "sudo modprobe kvm_amd"
    ),
    Case(
        label: "built-in KVM passes when /dev/kvm is there",
        host: .healthy.with { $0.modules = "" },
        check: "kvm modules",
        status: .pass
    ),
    Case(
        label: "no modules on an emulated CPU is a warning",
        host: .emulatedOnly,
        check: "kvm modules",
        status: .warn,
        fix: anyVendor
    ),
    Case(
        label: "group kvm may open crw-rw---- root:kvm",
        host: .healthy,
        check: "/dev/kvm",
        status: .pass,
        detail: "present, crw-rw---- root:kvm"
    ),
    Case(
        label: "a user outside kvm may not",
        host: .outsider,
        check: "/dev/kvm",
        status: .fail,
        fix: "sudo usermod -aG kvm $USER  \(relogin)"
    ),
    Case(
        label: "crw-rw-rw- is open to everyone",
        host: .outsider.with { $0.kvm?.mode = 0o666 },
        check: "/dev/kvm",
        status: .pass
    ),
    Case(label: "root opens crw------- root:root", host: .root, check: "/dev/kvm", status: .pass),
    Case(
        label: "absent /dev/kvm fails on a vmx CPU",
        host: .healthy.with { $0.kvm = nil },
        check: "/dev/kvm",
        status: .fail,
        fix: "sudo modprobe kvm_intel\n\(install)"
    ),
    Case(
        label: "absent /dev/kvm on an emulated CPU is a warning",
        host: .emulatedOnly,
        check: "/dev/kvm",
        status: .warn,
        fix: "\(anyVendor)\n\(install)"
    ),
    Case(
        label: "libvirtd answering passes",
        host: .healthy,
        check: "libvirtd",
        status: .pass,
        detail: "qemu:///system answers: qemu:///system"
    ),
    Case(
        label: "a silent libvirtd with a socket needs enabling",
        host: .healthy.with { $0.answers = false },
        check: "libvirtd",
        status: .fail,
        fix: "sudo systemctl enable --now libvirtd",
        detail: "qemu:///system does not answer: Connection refused"
    ),
    Case(
        label: "no socket at all means installing first",
        host: .healthy.with {
            $0.answers = false
            $0.socket = nil
        },
        check: "libvirtd",
        status: .fail,
        fix: "\(install)\nsudo systemctl enable --now libvirtd"
    ),
    Case(
        label: "group libvirt may use srwxrwx--- root:libvirt",
        host: .healthy,
        check: "libvirt socket",
        status: .pass,
        detail: "/run/libvirt/libvirt-sock srwxrwx--- root:libvirt"
    ),
    Case(
        label: "a user outside libvirt may not",
        host: .outsider,
        check: "libvirt socket",
        status: .fail,
        fix: "sudo usermod -aG libvirt $USER  \(relogin)"
    ),
    Case(
        label: "a world-writable socket (polkit decides) passes",
        host: .outsider.with { $0.socket?.mode = 0o777 },
        check: "libvirt socket",
        status: .pass
    ),
    Case(
        label: "no socket fails",
        host: .healthy.with { $0.socket = nil },
        check: "libvirt socket",
        status: .fail,
        fix: "sudo systemctl enable --now libvirtd"
    ),
    Case(label: "a member of libvirt and kvm passes", host: .healthy, check: "groups", status: .pass),
    Case(label: "root needs no group", host: .root, check: "groups", status: .pass),
    Case(
        label: "a missing group is a warning with the seed's usermod",
        host: .outsider,
        check: "groups",
        status: .warn,
        fix: "sudo usermod -aG libvirt $USER\nsudo usermod -aG kvm $USER\n\(relogin)",
        detail: "bob not in libvirt, kvm"
    ),
]

@Suite("virtsync check: the seed's section 2 as verdicts")
struct HostCheckTests {
    @Test("each check's verdict, detail and fix for a described host", arguments: cases)
    fileprivate func verdict(_ expected: Case) throws {
        let results = HostCheck(probe: expected.host.probe).run()
        let result = try #require(results.first { $0.name == expected.check })
        #expect(result.status == expected.status)
        #expect(result.fix == expected.fix)
        if let detail = expected.detail { #expect(result.detail == detail) }
    }

    @Test("a healthy host passes every check, in the seed's order")
    func healthyHostPasses() {
        let results = HostCheck(probe: FakeHost.healthy.probe).run()
        #expect(
            results.map(\.name) == [
                "cpu virtualization", "kvm modules", "/dev/kvm", "libvirtd", "libvirt socket", "groups",
            ]
        )
        #expect(results.allSatisfy { $0.status == .pass })
        #expect(HostCheck.passed(results))
    }

    @Test("warnings alone still pass; one failure does not")
    func passedIgnoresWarnings() {
        #expect(HostCheck.passed(HostCheck(probe: FakeHost.emulatedOnly.probe).run()))
        #expect(!HostCheck.passed(HostCheck(probe: FakeHost.outsider.probe).run()))
    }

    @Test("the check asks the URI it was given")
    func asksGivenURI() throws {
        let results = HostCheck(probe: FakeHost.healthy.probe, uri: "qemu:///session").run()
        let libvirtd = try #require(results.first { $0.name == "libvirtd" })
        #expect(libvirtd.detail == "qemu:///session answers: qemu:///session")
    }

    @Test("the report aligns names and indents each fix line under its check")
    func renderedReport() {
        let report = HostCheck.render([
            HostCheckResult(name: "/dev/kvm", status: .pass, detail: "present, crw-rw---- root:kvm"),
            HostCheckResult(
                name: "groups",
                status: .warn,
                detail: "bob not in kvm",
                fix: "sudo usermod -aG kvm $USER\n\(relogin)"
            ),
            HostCheckResult(
                name: "libvirtd",
                status: .fail,
                detail: "down",
                fix: "sudo systemctl enable --now libvirtd"
            ),
        ])
        #expect(
            report == """
                pass  /dev/kvm  present, crw-rw---- root:kvm
                warn  groups    bob not in kvm
                      fix: sudo usermod -aG kvm $USER
                           \(relogin)
                fail  libvirtd  down
                      fix: sudo systemctl enable --now libvirtd
                """
        )
    }

    @Test(
        "modes print as ls -l does",
        arguments: [
            (FileStatus.FileType.characterDevice, UInt16(0o660), "crw-rw----"),
            (.socket, 0o777, "srwxrwxrwx"),
            (.regular, 0o644, "-rw-r--r--"),
            (.directory, 0o711, "drwx--x--x"),
        ]
    )
    func permissionString(type: FileStatus.FileType, mode: UInt16, expected: String) {
        let status = FileStatus(type: type, mode: mode, ownerID: 0, owner: "root", groupID: 0, group: "root")
        #expect(status.permissionString == expected)
    }

    @Test("the live probe reads this machine's /proc/cpuinfo and user")
    func liveProbe() throws {
        let probe = HostProbe.live(connect: { .success($0) })
        let cpuinfo = try #require(probe.cpuinfo)
        #expect(cpuinfo.contains("processor"))
        #expect(probe.user.uid == UInt32(getuid()))
        #expect(HostCheck(probe: probe).run().count == 6)
    }
}
