internal import CLibvirt

/// A change libvirt reported on a connection: to a domain, a network or a storage pool, or the
/// connection itself closing. Delivered through `LibvirtConnection.events()`.
///
/// Events carry names only: they are triggers to look again, not state. On `qemu:///system` they
/// cover every object on the host, so consumers filter to the objects they manage.
public enum LibvirtEvent: Sendable, Hashable {
    case domain(name: String, event: DomainEvent)
    case network(name: String, event: NetworkEvent)
    case storagePool(name: String, event: PoolEvent)
    /// The connection died (`VIR_CONNECT_CLOSE_REASON_*`: 0 error, 1 end of file, 2 keepalive
    /// timeout, 3 client request): no further events arrive on it, so the consumer reconnects.
    case connectionClosed(reason: Int32)

    /// What happened to a domain (`VIR_DOMAIN_EVENT_*`, plus the metadata and device events).
    public enum DomainEvent: String, Sendable, Hashable {
        /// A new persistent definition, or a rename's new name.
        case defined
        /// An existing definition replaced (a hand edit through `virsh edit` or `define`), or
        /// restored from a snapshot.
        case updated
        case undefined, started, suspended, resumed, stopped, shutdown, pmsuspended, crashed
        /// Metadata set or removed, or a device added or removed; also any lifecycle event newer
        /// than libvirt 9.0, since all of them mean the domain is worth a fresh look.
        case changed

        /// Maps a lifecycle event and its detail (`virDomainEventType`, `virDomainEventDefinedDetailType`).
        init(event: Int32, detail: Int32) {
            switch UInt32(bitPattern: event) {
            case VIR_DOMAIN_EVENT_DEFINED.rawValue: self = Self.defined(detail: detail)
            case VIR_DOMAIN_EVENT_UNDEFINED.rawValue: self = .undefined
            case VIR_DOMAIN_EVENT_STARTED.rawValue: self = .started
            case VIR_DOMAIN_EVENT_SUSPENDED.rawValue: self = .suspended
            case VIR_DOMAIN_EVENT_RESUMED.rawValue: self = .resumed
            case VIR_DOMAIN_EVENT_STOPPED.rawValue: self = .stopped
            case VIR_DOMAIN_EVENT_SHUTDOWN.rawValue: self = .shutdown
            case VIR_DOMAIN_EVENT_PMSUSPENDED.rawValue: self = .pmsuspended
            case VIR_DOMAIN_EVENT_CRASHED.rawValue: self = .crashed
            default: self = .changed
            }
        }

        private static func defined(detail: Int32) -> Self {
            switch UInt32(bitPattern: detail) {
            case VIR_DOMAIN_EVENT_DEFINED_UPDATED.rawValue, VIR_DOMAIN_EVENT_DEFINED_FROM_SNAPSHOT.rawValue: .updated
            default: .defined
            }
        }
    }

    /// What happened to a network (`VIR_NETWORK_EVENT_*`).
    public enum NetworkEvent: String, Sendable, Hashable {
        case defined, undefined, started, stopped

        /// Maps a `virNetworkEventLifecycleType`; nil for values newer than libvirt 9.0.
        init?(event: Int32) {
            switch UInt32(bitPattern: event) {
            case VIR_NETWORK_EVENT_DEFINED.rawValue: self = .defined
            case VIR_NETWORK_EVENT_UNDEFINED.rawValue: self = .undefined
            case VIR_NETWORK_EVENT_STARTED.rawValue: self = .started
            case VIR_NETWORK_EVENT_STOPPED.rawValue: self = .stopped
            default: return nil
            }
        }
    }

    /// What happened to a storage pool (`VIR_STORAGE_POOL_EVENT_*`); `created` and `deleted` are
    /// the pool's storage being built and deleted.
    public enum PoolEvent: String, Sendable, Hashable {
        case defined, undefined, started, stopped, created, deleted

        /// Maps a `virStoragePoolEventLifecycleType`; nil for values newer than libvirt 9.0.
        init?(event: Int32) {
            switch UInt32(bitPattern: event) {
            case VIR_STORAGE_POOL_EVENT_DEFINED.rawValue: self = .defined
            case VIR_STORAGE_POOL_EVENT_UNDEFINED.rawValue: self = .undefined
            case VIR_STORAGE_POOL_EVENT_STARTED.rawValue: self = .started
            case VIR_STORAGE_POOL_EVENT_STOPPED.rawValue: self = .stopped
            case VIR_STORAGE_POOL_EVENT_CREATED.rawValue: self = .created
            case VIR_STORAGE_POOL_EVENT_DELETED.rawValue: self = .deleted
            default: return nil
            }
        }
    }
}

/// The events of one `LibvirtConnection.events()` call, in the order libvirt delivered them.
public typealias LibvirtEventStream = AsyncStream<LibvirtEvent>
