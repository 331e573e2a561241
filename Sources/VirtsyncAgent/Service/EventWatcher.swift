import Foundation
import Libvirt
public import Logging
public import ServiceLifecycle
public import VirtsyncHost
import VirtsyncManifest

/// Turns libvirt's events about managed objects into reconcile triggers, so a hand edit is seen within
/// a second rather than at the next interval; when libvirtd goes away it reconnects (with backoff),
/// hands the reconciler the new session and subscribes again.
public struct EventWatcher: Service {
    let reconciler: Reconciler
    let queue: TriggerQueue
    let connect: @Sendable () throws -> SyncSession
    let logger: Logger

    /// - Parameter connect: opens a new session (after `LibvirtEventLoop.shared.start()`).
    public init(
        reconciler: Reconciler,
        queue: TriggerQueue,
        connect: @escaping @Sendable () throws -> SyncSession,
        logger: Logger
    ) {
        self.reconciler = reconciler
        self.queue = queue
        self.connect = connect
        self.logger = logger
    }

    public func run() async throws {
        var session: SyncSession? = await reconciler.session
        var delay = Duration.seconds(1)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if let current = session {
                await watch(current)
            }
            guard !Task.isCancelled && !Task.isShuttingDownGracefully else { return }
            // The connection died (libvirtd restarted): reconnect, then reconcile what may have changed.
            try? await Task.sleep(for: delay)
            do {
                let fresh = try connect()
                await reconciler.replaceSession(fresh)
                session = fresh
                delay = .seconds(1)
                logger.notice("reconnected to libvirt", metadata: ["uri": "\(fresh.connection.uri)"])
                await queue.post(.reconnect)
            } catch {
                session = nil
                delay = min(delay * 2, .seconds(30))
                logger.warning(
                    "libvirt unreachable, retrying",
                    metadata: ["error": "\(error)", "retry.seconds": "\(delay.components.seconds)"]
                )
            }
        }
    }

    /// Forwards events until the connection closes or the task is cancelled.
    private func watch(_ session: SyncSession) async {
        let events: LibvirtEventStream
        do {
            _ = try? session.connection.setKeepAlive(interval: 5, count: 3)
            events = try session.connection.events()
        } catch {
            logger.error("cannot subscribe to libvirt events", metadata: ["error": "\(error)"])
            return
        }
        await cancelWhenGracefulShutdownOrCancelled {
            for await event in events {
                if case .connectionClosed = event { return }
                if self.concernsManagedObject(event) { await self.queue.post(.event) }
            }
        }
    }

    private func concernsManagedObject(_ event: LibvirtEvent) -> Bool {
        let managed = reconciler.watchedObjects()
        switch event {
        case .domain(let name, _): return managed.contains(ObjectID(.domain, name))
        case .network(let name, _): return managed.contains(ObjectID(.network, name))
        case .storagePool(let name, _): return managed.contains(ObjectID(.storagePool, name))
        case .connectionClosed: return false
        }
    }
}

/// Runs `body` until it returns, graceful shutdown begins, or the task is cancelled.
private func cancelWhenGracefulShutdownOrCancelled(_ body: @escaping @Sendable () async -> Void) async {
    _ = try? await cancelWhenGracefulShutdown { await body() }
}
