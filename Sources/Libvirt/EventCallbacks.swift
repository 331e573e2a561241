internal import CLibvirt

/// The C callbacks libvirt calls on the event loop's thread.
///
/// They capture nothing (C function pointers cannot): the `EventSink` arrives as the opaque pointer.
/// Object handles are borrowed for the call only, so names are copied out before returning.
/// Registration takes each ID's "generic" callback type, so the typed ones are cast, as libvirt's
/// own `VIR_DOMAIN_EVENT_CALLBACK` macro does in C.
enum EventCallbacks {
    /// The free callback of every event registration: gives back its retain of the sink.
    static let release: virFreeCallback = { opaque in
        EventSink.release(opaque)
    }

    static let domainLifecycle: virConnectDomainEventCallback = { _, domain, event, detail, opaque in
        let event = LibvirtEvent.DomainEvent(event: event, detail: detail)
        EventSink.borrowed(opaque)?.send(.domain(name: CString.borrow(virDomainGetName(domain)), event: event))
        return 0  // The lifecycle callback type predates the others and returns an int libvirt ignores.
    }

    static let domainMetadataChange: virConnectDomainEventMetadataChangeCallback = { _, domain, _, _, opaque in
        domainChanged(domain, opaque)
    }

    /// Serves both device added and device removed: same signature, same meaning here.
    static let domainDevice: virConnectDomainEventDeviceAddedCallback = { _, domain, _, opaque in
        domainChanged(domain, opaque)
    }

    static let networkLifecycle: virConnectNetworkEventLifecycleCallback = { _, network, event, _, opaque in
        guard let event = LibvirtEvent.NetworkEvent(event: event) else { return }
        EventSink.borrowed(opaque)?.send(.network(name: CString.borrow(virNetworkGetName(network)), event: event))
    }

    static let poolLifecycle: virConnectStoragePoolEventLifecycleCallback = { _, pool, event, _, opaque in
        guard let event = LibvirtEvent.PoolEvent(event: event) else { return }
        EventSink.borrowed(opaque)?.send(.storagePool(name: CString.borrow(virStoragePoolGetName(pool)), event: event))
    }

    /// Must never end the stream: libvirt holds the close callback's lock while calling it, and
    /// ending the stream unregisters the callback, which takes that lock again.
    static let connectionClosed: virConnectCloseFunc = { _, reason, opaque in
        EventSink.borrowed(opaque)?.send(.connectionClosed(reason: reason))
    }

    private static func domainChanged(_ domain: OpaquePointer?, _ opaque: UnsafeMutableRawPointer?) {
        EventSink.borrowed(opaque)?.send(.domain(name: CString.borrow(virDomainGetName(domain)), event: .changed))
    }
}
