import Foundation
public import Libvirt

/// Puts a domain back as a `RollbackPoint` says: the new one is stopped at once (it failed its health
/// check, a graceful shutdown would only wait), the previous definition defined again (same UUID), and
/// started when it ran before. A domain that did not exist is undefined. Volumes are never touched.
public struct DomainRollback: Sendable {
    public let connection: LibvirtConnection

    public init(connection: LibvirtConnection) { self.connection = connection }

    public func restore(_ point: RollbackPoint) throws(LibvirtError) {
        if let current = try connection.lookupDomain(name: point.name) {
            if try current.isActive() { try current.destroy() }
            // A replace gave the domain a new UUID: the old definition cannot be defined over it. Same
            // UUID: redefined in place, which keeps what undefine would remove (NVRAM, snapshots).
            if point.definition.flatMap(Self.uuid) != current.uuid { try current.undefine() }
        }
        guard let definition = point.definition else { return }
        let restored = try connection.defineDomain(xml: definition)
        if point.wasRunning { try restored.start() }
    }

    /// The `<uuid>` of a domain definition, lower case.
    static func uuid(_ xml: String) -> String? {
        guard let open = xml.range(of: "<uuid>"),
            let close = xml.range(of: "</uuid>", range: open.upperBound..<xml.endIndex)
        else {
            return nil
        }
        return xml[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
