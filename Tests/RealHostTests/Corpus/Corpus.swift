import Foundation
import Libvirt
import TestSupport

/// The corpus: libvirt domain definitions nobody on this project wrote (virt-manager's test outputs and
/// `virt-install --print-xml` runs, see Fixtures/corpus/NOTICE), each accepted by `virsh define` on
/// qemu:///system. A file carries `@PREFIX@` before its name and `@SCRATCH@` where a disk image would be,
/// which every run replaces with its own prefix and pool directory.
enum Corpus {
    struct Entry {
        /// The file name without `.xml`; the domain is `<prefix><base>`.
        var base: String
        /// `xml` or `yaml`.
        var fileExtension: String
        var text: String

        /// The text for one run; `@BRIDGE<n>@` (networks) becomes the fixture's bridge number n.
        func prepared(for host: HostFixture) -> String {
            var result = text.replacingOccurrences(of: "@PREFIX@", with: host.prefix)
                .replacingOccurrences(of: "@SCRATCH@", with: host.poolDirectory)
            for number in (1...20).reversed() {
                result = result.replacingOccurrences(of: "@BRIDGE\(number)@", with: host.bridge(number))
            }
            return result
        }

        var fileName: String { "\(base).\(fileExtension)" }
    }

    static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/corpus")
    }

    /// Every entry of a folder (`domains`, `networks`, `pools`), sorted by name.
    static func load(_ subdirectory: String) throws -> [Entry] {
        let folder = directory.appendingPathComponent(subdirectory)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".yaml") }.sorted()
        return try files.map { file in
            let url = folder.appendingPathComponent(file)
            return Entry(
                base: url.deletingPathExtension().lastPathComponent,
                fileExtension: url.pathExtension,
                text: try String(contentsOf: url, encoding: .utf8)
            )
        }
    }

    /// Definitions that cannot be in sync after an apply, with the reason (also in docs/diff.md).
    static let knownDifferences: [String: String] = [:]

    /// Definitions `virsh define` accepts but libvirt's own schema rejects: each says something libvirt's
    /// parser drops without a word, so it would differ forever. virtsync refuses them with the field.
    static let schemaRejected: [String: String] = [
        "td-testdriver-5": "/domain/test:runstate: the test driver's own namespace, unknown to the QEMU driver",
        "td-testdriver-7": "/domain/test:runstate: the test driver's own namespace, unknown to the QEMU driver",
        "td-testsuite-2": "/domain/test:runstate: the test driver's own namespace, unknown to the QEMU driver",
        "vi-cloud-init-options2": "/domain/os/smbios: newer than libvirt 9.0's schema",
        "vi-cloud-init-options2-2": "/domain/os/smbios: newer than libvirt 9.0's schema",
        "vi-hyperv-enable-tlbflush-direct-and-extended":
            "/domain/features/hyperv/tlbflush: children newer than libvirt 9.0",
        "vi-win7-uefi": "/domain/os: firmware feature elements newer than libvirt 9.0's schema",
        "vi-win7-uefi-2": "/domain/os: firmware feature elements newer than libvirt 9.0's schema",
        "vi34-archlinux": "/domain/devices/smartcard: virt-install writes type='tcp' beside mode='host'",
        "vi34-centos7-0": "/domain/devices/smartcard: virt-install writes type='tcp' beside mode='host'",
        "vi34-debian11": "/domain/devices/smartcard: virt-install writes type='tcp' beside mode='host'",
        "vi34-opensuse15-4": "/domain/devices/smartcard: virt-install writes type='tcp' beside mode='host'",
        "vi34-rhel9-0": "/domain/devices/smartcard: virt-install writes type='tcp' beside mode='host'",
        "vi34-win10": "/domain/devices/smartcard: virt-install writes type='tcp' beside mode='host'",
        "xp-add-devices-in": "/domain/devices/graphics: vnc graphics with SDL's display= and xauth=",
        "xp-add-devices-out": "/domain/devices/graphics: vnc graphics with SDL's display= and xauth=",
        "xp-change-nics-in": "/domain/devices/graphics: vnc graphics with SDL's display= and xauth=",
        "xp-change-nics-out":
            "/domain/devices: more than one device the schema refuses (vnc graphics with SDL's display= and xauth=, and more)",
        "xp-clear-cpu-unknown-vals-in": "/domain/cpu: unknown child elements <foo> and <blah>",
        "xp-domain-roundtrip": "/domain/unknown:tagname: an element in an unknown namespace",
    ]

    /// Undefines every domain with the prefix through one connection (hundreds of `virsh` runs would take
    /// a minute); the fixture's own clean-up then finds nothing left.
    static func undefineAll(prefix: String, on connection: LibvirtConnection) {
        for domain in (try? connection.listDomains()) ?? [] where domain.name.hasPrefix(prefix) {
            if domain.wasActiveWhenListed { try? domain.destroy() }
            try? domain.undefine()
        }
    }
}
