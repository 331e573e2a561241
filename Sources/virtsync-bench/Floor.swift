import Foundation
import Libvirt

/// The floor: the libvirt calls virtsync has to make, with nothing around them (no YAML, no plan, no inventory).
struct Floor {
    var uri: String?

    /// Defines one minimal domain per name: from a number N (`PREFIX0001`…) or a manifest directory (file names).
    /// A plain define, without libvirtd's VALIDATE flag: virtsync validates offline and defines the same way.
    func define(source: String, prefix: String) throws {
        let names = try Self.names(source: source, prefix: prefix)
        let connection = try LibvirtConnection(uri: uri ?? "qemu:///system")
        for name in names {
            _ = try connection.defineDomain(xml: Self.domainXML(name: name))
        }
    }

    /// Lists every domain in one call and reads the inactive XML of those with the prefix (with the
    /// security flag, as virtsync reads), as virtsync reads only the domains its manifests or inventory name.
    func read(prefix: String) throws {
        let connection = try LibvirtConnection(uri: uri ?? "qemu:///system")
        var bytes = 0
        for domain in try connection.listDomains() where domain.name.hasPrefix(prefix) {
            bytes += try domain.xml(inactive: true, secure: true).utf8.count
        }
        // Use the result, so the reads cannot be thought dead.
        if bytes == 0 { FileHandle.standardError.write(Data("floor-read: no domain with prefix \(prefix)\n".utf8)) }
    }

    /// The smallest definition libvirt accepts for a benchmark domain.
    static func domainXML(name: String) -> String {
        """
        <domain type='qemu'>
          <name>\(name)</name>
          <memory unit='KiB'>65536</memory>
          <vcpu>1</vcpu>
          <os><type arch='x86_64'>hvm</type></os>
        </domain>
        """
    }

    static func names(source: String, prefix: String) throws -> [String] {
        if let count = Int(source) { return BenchFixture.names(count: count, prefix: prefix) }
        let files = try FileManager.default.contentsOfDirectory(atPath: source).filter { $0.hasSuffix(".yaml") }
        return files.sorted().map { String($0.dropLast(".yaml".count)) }
    }
}
