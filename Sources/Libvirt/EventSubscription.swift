internal import CLibvirt
internal import Synchronization

/// The callbacks one `LibvirtConnection.events()` call registered, deregistered once when its
/// stream terminates. Holds the connection, so the connection lives as long as the stream.
final class EventSubscription: Sendable {
    private enum Registration {
        case domain(Int32)
        case network(Int32)
        case pool(Int32)
        case close
    }

    /// The domain events that feed the stream: lifecycle, and the ones that mean "edited".
    private static var domainEventIDs: [(virDomainEventID, virConnectDomainEventGenericCallback)] {
        typealias Generic = virConnectDomainEventGenericCallback
        let device = unsafeBitCast(EventCallbacks.domainDevice, to: Generic.self)
        return [
            (VIR_DOMAIN_EVENT_ID_LIFECYCLE, unsafeBitCast(EventCallbacks.domainLifecycle, to: Generic.self)),
            (VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, unsafeBitCast(EventCallbacks.domainMetadataChange, to: Generic.self)),
            (VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, device),
            (VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, device),
        ]
    }

    private let connection: LibvirtConnection
    private let sink: EventSink
    private let registrations = Mutex<[Registration]>([])

    /// Registers every callback, or none: on a failure, those already registered are undone.
    init(connection: LibvirtConnection, sink: EventSink) throws(LibvirtError) {
        self.connection = connection
        self.sink = sink
        do {
            // First, because it is the one that can be refused: a connection has one close callback.
            try registerClose()
            for (id, callback) in Self.domainEventIDs {
                try register("virConnectDomainEventRegisterAny", as: Registration.domain) { opaque in
                    virConnectDomainEventRegisterAny(
                        connection.handle,
                        nil,
                        Int32(id.rawValue),
                        callback,
                        opaque,
                        EventCallbacks.release
                    )
                }
            }
            try register("virConnectNetworkEventRegisterAny", as: Registration.network) { opaque in
                virConnectNetworkEventRegisterAny(
                    connection.handle,
                    nil,
                    Int32(VIR_NETWORK_EVENT_ID_LIFECYCLE.rawValue),
                    unsafeBitCast(EventCallbacks.networkLifecycle, to: virConnectNetworkEventGenericCallback.self),
                    opaque,
                    EventCallbacks.release
                )
            }
            try register("virConnectStoragePoolEventRegisterAny", as: Registration.pool) { opaque in
                virConnectStoragePoolEventRegisterAny(
                    connection.handle,
                    nil,
                    Int32(VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE.rawValue),
                    unsafeBitCast(EventCallbacks.poolLifecycle, to: virConnectStoragePoolEventGenericCallback.self),
                    opaque,
                    EventCallbacks.release
                )
            }
        } catch {
            cancel()
            throw error
        }
    }

    /// Deregisters everything still registered; later calls do nothing. Event callbacks may still be
    /// running or queued: libvirt drops each registration's retain of the sink through its free
    /// callback only once they are done.
    func cancel() {
        let registered = registrations.withLock { registrations in
            defer { registrations = [] }
            return registrations
        }
        for registration in registered.reversed() {
            deregister(registration)
        }
    }

    /// Registers one event callback with its own retain of the sink.
    private func register(
        _ operation: String,
        as registration: (Int32) -> Registration,
        _ call: (UnsafeMutableRawPointer) -> Int32
    ) throws(LibvirtError) {
        let opaque = sink.retainedPointer()
        do {
            let callbackID = try Check.status(operation, call(opaque))
            registrations.withLock { $0.append(registration(callbackID)) }
        } catch {
            // A failed registration never calls its free callback: the retain is still ours.
            EventSink.release(opaque)
            throw error
        }
    }

    /// Registers the close callback, lending it the sink without a retain: libvirt calls it and
    /// unregisters it under one lock, so once `deregister` returns it can no longer run, and the
    /// sink outlives that since this subscription holds it. Drivers without close notices (the
    /// test driver) accept and ignore it, and would never have called a free callback.
    private func registerClose() throws(LibvirtError) {
        let opaque = Unmanaged.passUnretained(sink).toOpaque()
        try Check.status(
            "virConnectRegisterCloseCallback",
            virConnectRegisterCloseCallback(connection.handle, EventCallbacks.connectionClosed, opaque, nil)
        )
        registrations.withLock { $0.append(.close) }
    }

    private func deregister(_ registration: Registration) {
        let handle = connection.handle
        let result =
            switch registration {
            case .domain(let id): virConnectDomainEventDeregisterAny(handle, id)
            case .network(let id): virConnectNetworkEventDeregisterAny(handle, id)
            case .pool(let id): virConnectStoragePoolEventDeregisterAny(handle, id)
            case .close: virConnectUnregisterCloseCallback(handle, EventCallbacks.connectionClosed)
            }
        // Nothing to report to: the stream has ended. A dead connection fails the server half of
        // deregistration after dropping the callback locally, which is all that matters here.
        if result < 0 { virResetLastError() }
    }
}
