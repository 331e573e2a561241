import Foundation
import TestSupport

extension HostFixture {
    /// Removes every libvirt object whose name carries this fixture's prefix, the pool directory, the
    /// host bridges and the temp directories. It looks names up on the host rather than trusting what the
    /// test thinks it made, so a half-applied step is cleaned too; it never touches another name.
    func cleanup() {
        for domain in owned(Shell.virsh("list", "--all", "--name")) {
            Shell.virsh("destroy", domain)
            Shell.virsh("undefine", domain, "--nvram")
            Shell.virsh("undefine", domain)
        }
        for network in owned(Shell.virsh("net-list", "--all", "--name")) {
            Shell.virsh("net-destroy", network)
            Shell.virsh("net-undefine", network)
        }
        for pool in owned(Shell.virsh("pool-list", "--all", "--name")) {
            for volume in Shell.volumes(pool: pool) {
                Shell.virsh("vol-delete", volume, "--pool", pool)
            }
            let left = Shell.volumes(pool: pool)
            if !left.isEmpty { FileHandle.standardError.write(Data("cleanup: pool \(pool) still has \(left)\n".utf8)) }
            Shell.virsh("pool-destroy", pool)
            Shell.virsh("pool-undefine", pool)
        }
        precondition(poolDirectory.hasPrefix("\(RealHost.imagesRoot)/vsrt-"))
        try? FileManager.default.removeItem(atPath: poolDirectory)
        let bridgePrefix = "vsrt\(id.prefix(4))"
        let links = Shell.lines(Shell.run(["ip", "-o", "link", "show"])).compactMap { line in
            line.split(separator: ":").dropFirst().first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        for link in Set(hostBridges + links.filter { $0.hasPrefix(bridgePrefix) }) {
            let deleted = Shell.run(["ip", "link", "delete", link])
            if !deleted.succeeded {
                FileHandle.standardError.write(Data("cleanup: ip link delete \(link): \(deleted.error)\n".utf8))
            }
        }
        try? FileManager.default.removeItem(at: manifestDirectory.deletingLastPathComponent())
    }

    private func owned(_ listing: Shell.Result) -> [String] {
        // `vsrt-<id>` alone: the pool virt-install makes by itself for the pool directory.
        Shell.lines(listing).filter { $0.hasPrefix(prefix) || $0 == "vsrt-\(id)" }
    }
}
