internal import CLibvirt

extension LibvirtConnection {
    /// How many undelivered events a stream keeps for a slow consumer before dropping the oldest.
    /// Events are triggers to look again, so the newest ones are the ones worth keeping.
    static let eventBufferLimit = 1024

    /// A stream of every domain, network and storage pool event on this connection, and of its
    /// closing, in the order libvirt delivers them (on the event loop's thread, well under a
    /// millisecond after the change on a local host).
    ///
    /// Needs `LibvirtEventLoop.shared.start()` to have run before this connection was opened.
    /// The stream keeps the connection open; ending it (cancelling the task that iterates it, or
    /// dropping it) deregisters every callback. One stream per connection at a time: libvirt allows
    /// a single close callback per connection, so a second call throws while the first stream lives.
    public func events() throws(LibvirtError) -> LibvirtEventStream {
        try makeEventStream().stream
    }

    /// `events()`, also returning the sink the callbacks feed, so tests can watch it being released.
    func makeEventStream() throws(LibvirtError) -> (stream: LibvirtEventStream, sink: EventSink) {
        guard openedWithEventLoop else {
            throw LibvirtError(
                operation: "LibvirtConnection.events",
                code: .operationInvalid,
                domain: .event,
                message: "the connection was opened before LibvirtEventLoop.shared.start(): it cannot deliver events"
            )
        }
        let (stream, continuation) = LibvirtEventStream.makeStream(
            bufferingPolicy: .bufferingNewest(Self.eventBufferLimit)
        )
        let sink = EventSink(continuation)
        let subscription: EventSubscription
        do {
            subscription = try EventSubscription(connection: self, sink: sink)
        } catch {
            sink.finish()
            throw error
        }
        continuation.onTermination = { _ in subscription.cancel() }
        return (stream, sink)
    }

    /// Pings the server every `interval` seconds and closes the connection after `count` missed
    /// answers, so a dead or hung libvirtd surfaces as `.connectionClosed` (reason 2) on the event
    /// stream instead of a hang (`virConnectSetKeepAlive`). Needs the event loop; an `interval` of 0
    /// or less turns keepalive off.
    ///
    /// Returns false when the server does not support keepalive. Local drivers, such as the test
    /// driver, have no server and throw `VIR_ERR_NO_SUPPORT`.
    @discardableResult
    public func setKeepAlive(interval: Int32, count: UInt32) throws(LibvirtError) -> Bool {
        try Check.status("virConnectSetKeepAlive", virConnectSetKeepAlive(handle, interval, count)) == 0
    }

    /// Whether the connection still works: false once the server side is gone (`virConnectIsAlive`).
    public func isAlive() -> Bool {
        let alive = virConnectIsAlive(handle)
        if alive < 0 { virResetLastError() }
        return alive == 1
    }
}
