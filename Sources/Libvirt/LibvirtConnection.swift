internal import CLibvirt
internal import Synchronization

/// An open connection to a libvirt driver (`virConnectPtr`), closed when the last reference goes.
///
/// Every call is synchronous and blocks on libvirt's RPC. Objects fetched through the connection
/// keep it alive and report their writes to its `mutationCount`.
// @unchecked Sendable: the only state is the handle and a flag, set once, and an atomic counter. libvirt reference
// counts its objects and its public API is thread safe, so a handle may be used from any thread;
// the thread-local last error is read by `Check` on the calling thread itself.
public final class LibvirtConnection: @unchecked Sendable {
    /// The URI the connection was opened with, e.g. `qemu:///system` or `test:///default`.
    public let uri: String

    let handle: OpaquePointer
    /// Whether the event loop ran when the connection was opened, which events need (see `LibvirtEventLoop`).
    let openedWithEventLoop: Bool
    private let mutations = Atomic<Int>(0)

    /// Opens a read-write connection (`virConnectOpen`). For events or keepalive, start
    /// `LibvirtEventLoop.shared` first.
    public init(uri: String) throws(LibvirtError) {
        Check.quietErrors
        self.uri = uri
        self.openedWithEventLoop = LibvirtEventLoop.shared.isRunning
        self.handle = try Check.handle("virConnectOpen", virConnectOpen(uri))
    }

    deinit {
        virConnectClose(handle)
    }

    /// How many write methods (define, undefine, start, set…, create, delete, resize, …) were called
    /// on this connection and the objects it handed out; reads never count. Failed calls count too,
    /// since a failed write may still have changed something.
    public var mutationCount: Int {
        mutations.load(ordering: .relaxed)
    }

    /// Counts one call of a write method.
    func countWrite() {
        mutations.add(1, ordering: .relaxed)
    }

    /// Counts a write call, then runs it through the error funnel.
    @discardableResult
    func write(_ operation: String, _ call: () -> Int32) throws(LibvirtError) -> Int32 {
        countWrite()
        return try Check.status(operation, call())
    }

    /// Counts a write call that creates an object, then runs it through the error funnel.
    func writeHandle(_ operation: String, _ call: () -> OpaquePointer?) throws(LibvirtError) -> OpaquePointer {
        countWrite()
        return try Check.handle(operation, call())
    }

    /// The host's name as the driver reports it (`virConnectGetHostname`).
    public func hostname() throws(LibvirtError) -> String {
        try Check.string("virConnectGetHostname", virConnectGetHostname(handle))
    }

    /// The version of the libvirt library this process runs, e.g. `"9.0.0"` (`virGetVersion`).
    public func libvirtVersion() -> String {
        var version: UInt = 0
        guard virGetVersion(&version, nil, nil) == 0 else { return "unknown" }
        return "\(version / 1_000_000).\(version / 1000 % 1000).\(version % 1000)"
    }
}

extension LibvirtConnection {
    /// Runs a lookup; a "no such object" error becomes nil, any other error is thrown.
    func lookup<Object>(_ body: () throws(LibvirtError) -> Object) throws(LibvirtError) -> Object? {
        do {
            return try body()
        } catch  where error.isNotFound {
            return nil
        }
    }
}
