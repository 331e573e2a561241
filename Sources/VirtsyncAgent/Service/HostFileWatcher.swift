import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization
import VirtsyncManifest

/// Watches, with inotify, what libvirtd writes for a local connection: the persistent definitions of
/// domains, networks and pools, their autostart links, and the files of managed volumes. libvirt sends
/// no event for many hand edits (`setmaxmem --config`, `attach-device --config`, autostart toggles,
/// `vol-resize`, `vol-delete`), but each rewrites one of these files, so a managed object's file
/// changing starts a pass that re-reads the managed objects (`.file`, no fetch).
///
/// libvirtd rewrites `NAME.xml` through a temporary file and a rename, links and unlinks
/// `autostart/NAME.xml`, and `qemu-img` or libvirtd itself closes a volume's file after resizing it;
/// a running guest's own disk writes do not close the file, so they start nothing.
public struct HostFileWatcher: Service {
    let uri: String
    let reconciler: Reconciler
    let queue: TriggerQueue
    let logger: Logger
    let root: String

    /// - Parameter root: where libvirtd's configuration lies (`/etc/libvirt`; tests may point elsewhere).
    public init(uri: String, reconciler: Reconciler, queue: TriggerQueue, logger: Logger, root: String = "/etc/libvirt")
    {
        self.uri = uri
        self.reconciler = reconciler
        self.queue = queue
        self.logger = logger
        self.root = root
    }

    /// The configuration folders and the kind of object each file in them is.
    var configDirectories: [(path: String, kind: ManifestKind)] {
        let folders: [(String, ManifestKind)] = [
            ("qemu", .domain), ("qemu/autostart", .domain), ("qemu/networks", .network),
            ("qemu/networks/autostart", .network), ("storage", .storagePool), ("storage/autostart", .storagePool),
        ]
        return folders.map { ("\(root)/\($0.0)", $0.1) }
    }

    /// Only the system driver on this machine writes those files; a remote or session URI has only
    /// libvirt's events and `driftInterval`.
    var isLocalSystem: Bool { uri == "qemu:///system" || uri.hasPrefix("qemu:///system?") }

    /// Runs until the agent stops: a service of a `ServiceGroup` that returns early stops the whole agent,
    /// so without a file to watch it only waits.
    public func run() async throws {
        guard isLocalSystem else { return await untilShutdown() }
        let inotify: Inotify
        do {
            inotify = try Inotify()
        } catch {
            logger.warning(
                "no file watch; hand edits libvirt sends no event for wait for driftInterval",
                metadata: ["error": "\(error)"]
            )
            return await untilShutdown()
        }
        let volumeWatches = Mutex<[String: Int32]>([:])
        let stop = Atomic<Bool>(false)
        let watcher = self
        let thread = Thread {
            var kinds: [Int32: ManifestKind] = [:]
            var paths: [String: Int32] = [:]
            var first = true
            while !stop.load(ordering: .relaxed) {
                // libvirtd makes an autostart folder with its first link: watched as soon as it exists,
                // and a pass then, since the link that made it came before the watch.
                if watcher.watchConfigDirectories(inotify, &kinds, &paths) && !first {
                    Task { await watcher.queue.post(.file) }
                }
                first = false
                watcher.watchVolumeDirectories(inotify, volumeWatches)
                for event in inotify.read(timeoutMilliseconds: 250) {
                    let volumeDirectory = volumeWatches.withLock { $0.first { $0.value == event.watch }?.key }
                    let pool = volumeDirectory.flatMap { watcher.reconciler.watchedVolumeDirectories()[$0] }
                    guard let id = watcher.object(of: event, kind: kinds[event.watch], volumePool: pool),
                        watcher.reconciler.watchedObjects().contains(id)
                    else { continue }
                    Task { await watcher.queue.post(.file) }
                }
            }
            inotify.close()
        }
        thread.name = "virtsync-inotify"
        thread.start()
        await untilShutdown()
        stop.store(true, ordering: .relaxed)
    }

    /// Returns on graceful shutdown or cancellation, without waking up meanwhile (a 250 ms poll here made 4
    /// of the idle agent's 5 timer wakeups a second).
    private func untilShutdown() async {
        try? await gracefulShutdown()
    }

    /// Adds the configuration folders not watched yet (`kinds`: watch → kind, `paths`: folder → watch);
    /// true when one was added.
    private func watchConfigDirectories(
        _ inotify: Inotify,
        _ kinds: inout [Int32: ManifestKind],
        _ paths: inout [String: Int32]
    ) -> Bool {
        var added = false
        for directory in configDirectories where paths[directory.path] == nil {
            if let watch = inotify.add(directory.path, mask: Inotify.configMask) {
                kinds[watch] = directory.kind
                paths[directory.path] = watch
                added = true
            }
        }
        return added
    }

    /// Keeps one watch per managed pool's directory, following the managed set as it changes.
    private func watchVolumeDirectories(_ inotify: Inotify, _ watches: borrowing Mutex<[String: Int32]>) {
        let wanted = reconciler.watchedVolumeDirectories()
        watches.withLock { current in
            for directory in wanted.keys where current[directory] == nil {
                if let watch = inotify.add(directory, mask: Inotify.volumeMask) { current[directory] = watch }
            }
            for (directory, watch) in current where wanted[directory] == nil {
                inotify.remove(watch)
                current[directory] = nil
            }
        }
    }

    /// The object a file event is about, nil for files that are no object's: `NAME.xml` in a folder of
    /// `kind`, or a file of a managed pool's directory (`volumePool`: that pool's name), a volume of it.
    func object(of event: Inotify.Event, kind: ManifestKind?, volumePool: String?) -> ObjectID? {
        if let kind {
            guard event.name.hasSuffix(".xml") else { return nil }
            return ObjectID(kind, String(event.name.dropLast(4)))
        }
        guard let volumePool, !event.name.isEmpty else { return nil }
        return ObjectID(.volume, event.name, pool: volumePool)
    }
}
