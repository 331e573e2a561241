import Dispatch
import Foundation
public import Libvirt
public import VirtsyncImages
public import VirtsyncManifest
public import VirtsyncPlan

/// One run of the flow against one host: manifests → observe → validate against the host → plan → apply.
///
/// The CLI's `plan` and `apply` are this type and a printer; the agent calls it on every reconcile.
public final class SyncSession: Sendable {
    public let connection: LibvirtConnection
    public let inventoryStore: InventoryStore
    /// The host's image cache, `<state directory>/images`.
    public let images: ImageCache
    /// Told how long downloads go; set it before `apply` (the CLI logs, the agent also writes status).
    public let downloadProgress: @Sendable (ObjectID, DownloadProgress) -> Void

    public init(
        uri: String, stateDirectory: String, imageTimeouts: ImageTimeouts = ImageTimeouts(),
        downloadProgress: @escaping @Sendable (ObjectID, DownloadProgress) -> Void = { _, _ in }
    ) throws(HostError) {
        do {
            connection = try LibvirtConnection(uri: uri)
        } catch {
            throw .libvirt(error)
        }
        inventoryStore = InventoryStore(stateDirectory: stateDirectory)
        images = ImageCache(directory: (stateDirectory as NSString).appendingPathComponent("images"), timeouts: imageTimeouts)
        self.downloadProgress = downloadProgress
    }

    /// What the host would need, or the manifest errors that host-aware validation found.
    public struct Planned: Sendable {
        public var manifests: [Manifest]
        public var plan: Plan
        public var inventory: Inventory
        /// Errors refuse the whole revision; warnings are for the reader.
        public var diagnostics: [ManifestError]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public func plan(_ manifests: [Manifest], allowedPaths: [String], options: PlanOptions) throws -> Planned {
        try plan(loading: { manifests }, allowedPaths: allowedPaths, options: options)
    }

    /// Plans while the manifests load: the host is read for the inventory's objects on another thread
    /// meanwhile (in a steady state they are the manifests' objects), so reading files and parsing YAML
    /// overlap libvirt's round trips. Objects of the manifests the inventory lacks are read afterwards.
    /// An error thrown by `load` is rethrown as it is.
    public func plan(
        loading load: () throws -> [Manifest], allowedPaths: [String], options: PlanOptions
    ) throws -> Planned {
        let inventory = try inventoryStore.load(uri: connection.uri)
        let reader = HostReader(connection: connection)
        let early = Observation()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            early.result = Result { () throws(HostError) in try reader.observe(interest: inventory.ids) }
        }
        let manifests: [Manifest]
        do {
            manifests = try load()
        } catch {
            group.wait()
            throw error
        }
        group.wait()
        var observed = try early.result!.get()
        let unread = Set(manifests.map(\.id)).subtracting(observed.objects.keys).intersection(observed.present)
        if !unread.isEmpty {
            let second = try reader.observe(interest: unread)
            observed.objects.merge(second.objects) { _, new in new }
            // One removed between the two reads is gone, to be created, not unreadable.
            observed.present.subtract(unread.subtracting(second.present))
        }
        let diagnostics = ManifestValidator.validate(
            manifests, context: ValidationContext(allowedPaths: allowedPaths, hostObjects: observed.present))
        let plan = diagnostics.contains { $0.severity == .error }
            ? Plan() : Planner(options: options).plan(manifests, observed: observed, inventory: inventory)
        return Planned(manifests: manifests, plan: plan, inventory: inventory, diagnostics: diagnostics)
    }

    /// Applies a plan made by `plan(_:)`, keeping the inventory on disk in step with what exists.
    public func apply(_ planned: Planned) throws(HostError) -> ApplyReport {
        precondition(!planned.hasErrors, "a revision with invalid manifests is never applied")
        let update = InventoryUpdate(manifests: planned.manifests, plan: planned.plan)
        let intent = update.intent(planned.inventory)
        if intent != planned.inventory { try inventoryStore.save(intent) }
        let report = PlanApplier(connection: connection, images: images, progress: downloadProgress).apply(planned.plan)
        let final = update.settle(intent, after: report, before: planned.inventory)
        if final != intent { try inventoryStore.save(final) }
        return report
    }
}

/// The early observation's result, written by one thread and read after `DispatchGroup.wait()`.
// @unchecked Sendable: `result` is set once on the reading thread before the group leaves, and read
// only after `wait()` returns, which orders the two.
private final class Observation: @unchecked Sendable {
    var result: Result<ObservedState, HostError>?
}
