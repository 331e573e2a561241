import LibXML2
public import Libvirt
import LibvirtXML
public import VirtsyncManifest
public import VirtsyncPlan

/// Reads what libvirt has into an `ObservedState`, with as few round trips as the API allows.
///
/// Every object is listed in bulk (`virConnectListAll*`), so names, activity and autostart of domains
/// cost two calls whatever their number; XML is read only for the objects of `interest` (those a
/// manifest or the inventory names), once inactive and, for a running one, once live.
public struct HostReader: Sendable {
    let connection: LibvirtConnection
    /// Domains are read with their security-sensitive values (graphics passwords), so a manifest that sets
    /// one is compared with what libvirt keeps; an export leaves them out, so they stay out of git.
    let secure: Bool

    public init(connection: LibvirtConnection, secure: Bool = true) {
        self.connection = connection
        self.secure = secure
    }

    public func observe(interest: Set<ObjectID>) throws(HostError) -> ObservedState {
        var state = ObservedState()
        let settling = Settling()
        var volumeUsers: [ObjectID: (domain: String, target: String)] = [:]
        do {
            try readDomains(interest, into: &state, volumeUsers: &volumeUsers, settling: settling)
            try readNetworks(interest, into: &state)
            try readPools(interest, into: &state, volumeUsers: volumeUsers, settling: settling)
        } catch let error as LibvirtError {
            throw .libvirt(error)
        } catch let error as HostError {
            throw error
        } catch {
            throw .missing("\(error)")
        }
        return state
    }

    /// `volumeUsers`: disks of running domains given as a pool volume, whose live XML
    /// names no file; their paths are known once the pools' volumes are listed.
    private func readDomains(
        _ interest: Set<ObjectID>,
        into state: inout ObservedState,
        volumeUsers: inout [ObjectID: (domain: String, target: String)],
        settling: Settling
    ) throws {
        let all = try connection.listDomains()
        let autostart = Set(try connection.listDomains(.autostart).map(\.name))
        let parser = BackgroundXMLParser()
        var facts: [ObservedObject] = []
        for domain in all {
            let id = ObjectID(.domain, domain.name)
            state.present.insert(id)
            guard interest.contains(id) else { continue }
            let read = try Self.unlessGone { () throws in
                try readDomain(domain, id, active: domain.wasActiveWhenListed, parser: parser, settling: settling)
            }
            guard var object = read else {
                state.present.remove(id)
                continue
            }
            object.autostart = autostart.contains(domain.name)
            if let live = object.liveXML {
                Self.noteRunningDisks(of: live, domain: domain.name, in: &state, volumeUsers: &volumeUsers)
            }
            facts.append(object)
        }
        let trees = try parser.results(for: Set(facts.map(\.id)))
        for var object in facts {
            object.xml = trees[object.id]!
            object.marked = OwnershipMark.isMarked(object.xml)
            state.objects[object.id] = object
        }
    }

    /// One domain's facts; its persistent definition goes to the parser, and an empty element stands in
    /// for it until the tree is back.
    private func readDomain(
        _ domain: LibvirtDomain,
        _ id: ObjectID,
        active: Bool,
        parser: BackgroundXMLParser,
        settling: Settling
    ) throws -> ObservedObject {
        // Waited for before anything is read, so the definition and the state read belong together.
        var active = active
        var unsettled: Transition?
        if active, try domain.transition() != nil {
            unsettled = try settling.wait { () throws(LibvirtError) in try domain.transition() }
            // Starting up ends running, shutting down ends shut off: ask again which.
            if unsettled == nil { active = try domain.isActive() }
        }
        parser.parse(try domain.xml(inactive: true, secure: secure), of: id)
        var object = ObservedObject(id: id, xml: XElement("domain"), active: active, power: .shutoff)
        if unsettled != nil {
            // Still between two states after the bound: its power is left alone this time.
            object.active = true
            object.power = .other
            object.liveXML = try Self.parse(try domain.xml(inactive: false, secure: secure), id)
        } else if active {
            object.power = try domain.state() == .paused ? .paused : .running
            object.liveXML = try Self.parse(try domain.xml(inactive: false, secure: secure), id)
        }
        return object
    }

    /// Another client may remove an object between the bulk listing and a read of its own (seen on a
    /// shared host, and between tests sharing `test:///default`): it counts as gone, not as a failed
    /// observation of the whole host.
    static func unlessGone<T>(_ read: () throws -> T) throws -> T? {
        do {
            return try read()
        } catch let error as LibvirtError where error.isNotFound {
            return nil
        }
    }

    private static func noteRunningDisks(
        of live: XElement,
        domain: String,
        in state: inout ObservedState,
        volumeUsers: inout [ObjectID: (domain: String, target: String)]
    ) {
        for disk in live.child("devices")?.children("disk") ?? [] {
            guard let source = disk.child("source"), let target = disk.child("target")?[attribute: "dev"] else {
                continue
            }
            if let path = source[attribute: "file"] {
                state.runningDisks[path] = (domain, target)
            } else if let pool = source[attribute: "pool"], let volume = source[attribute: "volume"] {
                volumeUsers[ObjectID(.volume, volume, pool: pool)] = (domain, target)
            }
        }
    }

    private func readNetworks(_ interest: Set<ObjectID>, into state: inout ObservedState) throws {
        let active = Set(try connection.listNetworks(activeOnly: true).map(\.name))
        for network in try connection.listNetworks() {
            let id = ObjectID(.network, network.name)
            state.present.insert(id)
            guard interest.contains(id) else { continue }
            let isActive = active.contains(network.name)
            let read = try Self.unlessGone { () throws in
                var object = ObservedObject(
                    id: id,
                    xml: try Self.parse(try network.xml(inactive: true), id),
                    active: isActive,
                    autostart: try network.autostart()
                )
                if isActive { object.liveXML = try Self.parse(try network.xml(inactive: false), id) }
                return object
            }
            if let read { state.objects[id] = read } else { state.present.remove(id) }
        }
    }

    private func readPools(
        _ interest: Set<ObjectID>,
        into state: inout ObservedState,
        volumeUsers: [ObjectID: (domain: String, target: String)],
        settling: Settling
    ) throws {
        for pool in try connection.listStoragePools() {
            let id = ObjectID(.storagePool, pool.name)
            if interest.contains(id) {
                _ = try Self.unlessGone { () throws in
                    try settling.wait { () throws(LibvirtError) in try pool.transition() }
                }
            }
            guard let isActive = try Self.unlessGone({ try pool.isActive() }) else { continue }
            state.present.insert(id)
            if interest.contains(id) {
                let read = try Self.unlessGone { () throws in
                    ObservedObject(
                        id: id,
                        xml: try Self.parse(try pool.xml(inactive: true), id),
                        active: isActive,
                        autostart: try pool.autostart()
                    )
                }
                guard let read else {
                    state.present.remove(id)
                    continue
                }
                state.objects[id] = read
            }
            // Volumes of an inactive pool cannot be listed; they show up once it starts.
            guard isActive, let volumes = try volumesIfStillActive(pool) else { continue }
            for volume in volumes {
                let volumeID = ObjectID(.volume, volume.name, pool: pool.name)
                state.present.insert(volumeID)
                let read = try Self.unlessGone { () throws in
                    if let user = volumeUsers[ObjectID(.volume, volume.name, pool: pool.name)] {
                        state.runningDisks[try volume.path] = user
                    }
                    guard interest.contains(volumeID) else { return }
                    let xml = try settling.retryWhileBusy { try volume.xml() }
                    state.objects[volumeID] = ObservedObject(
                        id: volumeID,
                        xml: try Self.parse(xml, volumeID),
                        active: true
                    )
                }
                if read == nil { state.present.remove(volumeID) }
            }
        }
    }

    /// Another client may stop a pool between the activity check and the volume listing; such a pool
    /// counts as inactive rather than failing the whole observation (seen on a shared real host).
    private func volumesIfStillActive(_ pool: LibvirtStoragePool) throws(LibvirtError) -> [LibvirtStorageVolume]? {
        do {
            return try pool.listVolumes()
        } catch {
            if (try? pool.isActive()) == true { throw error }
            return nil
        }
    }

    static func parse(_ text: String, _ id: ObjectID) throws(HostError) -> XElement {
        do {
            return try XMLTreeReader.element(parsing: text)
        } catch {
            throw .malformedXML(object: id, message: error.description)
        }
    }
}
