/// The context libvirt hands back to event callbacks: where their events go.
///
/// It crosses into C as an opaque pointer. Each event registration holds its own retain
/// (`Unmanaged.passRetained`), given back by the free callback libvirt runs after deregistration,
/// however late; the close callback, which libvirt calls and unregisters under one lock, borrows
/// the retain its `EventSubscription` holds instead.
final class EventSink: Sendable {
    private let continuation: LibvirtEventStream.Continuation

    init(_ continuation: LibvirtEventStream.Continuation) {
        self.continuation = continuation
    }

    /// The sink behind a callback's opaque pointer, without taking ownership of it.
    static func borrowed(_ opaque: UnsafeMutableRawPointer?) -> EventSink? {
        opaque.map { Unmanaged<EventSink>.fromOpaque($0).takeUnretainedValue() }
    }

    /// An owned (+1) opaque pointer for one registration.
    func retainedPointer() -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(self).toOpaque()
    }

    /// Gives back the retain of `retainedPointer()`.
    static func release(_ opaque: UnsafeMutableRawPointer?) {
        guard let opaque else { return }
        Unmanaged<EventSink>.fromOpaque(opaque).release()
    }

    func send(_ event: LibvirtEvent) {
        continuation.yield(event)
    }

    /// Ends the stream; only when nothing was registered, since ending it deregisters.
    func finish() {
        continuation.finish()
    }
}
