import Foundation
import Libvirt

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
                base: url.deletingPathExtension().lastPathComponent, fileExtension: url.pathExtension,
                text: try String(contentsOf: url, encoding: .utf8))
        }
    }

    /// Definitions that cannot be in sync after an apply, with the reason (also in docs/diff.md).
    static let knownDifferences: [String: String] = [:]

    /// Undefines every domain with the prefix through one connection (hundreds of `virsh` runs would take
    /// a minute); the fixture's own clean-up then finds nothing left.
    static func undefineAll(prefix: String, on connection: LibvirtConnection) {
        for domain in (try? connection.listDomains()) ?? [] where domain.name.hasPrefix(prefix) {
            if domain.wasActiveWhenListed { try? domain.destroy() }
            try? domain.undefine()
        }
    }
}
