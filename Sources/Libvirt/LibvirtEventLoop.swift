internal import CLibvirt
internal import Foundation
internal import Synchronization

/// libvirt's default event loop (`virEventRegisterDefaultImpl`), run forever on one dedicated thread.
///
/// Call `LibvirtEventLoop.shared.start()` once, early, BEFORE opening any `LibvirtConnection` whose
/// events or keepalive you need: a remote connection (`qemu:///system`) wires its socket into the
/// loop only when it is opened, and one opened before the loop exists silently never delivers
/// events. `LibvirtConnection.events()` refuses such a connection rather than stay silent.
///
/// All event callbacks, keepalive pings and close notices run on the loop's thread.
public final class LibvirtEventLoop: Sendable {
    /// The process's one loop: libvirt allows a single event implementation per process.
    public static let shared = LibvirtEventLoop()

    private let running = Atomic<Bool>(false)

    private init() {}

    /// Registers the default implementation and starts the loop's thread; later calls only
    /// return (or rethrow the first call's failure).
    public func start() throws(LibvirtError) {
        try Self.registration.get()
        running.store(true, ordering: .releasing)
    }

    /// Whether `start()` has succeeded.
    public var isRunning: Bool {
        running.load(ordering: .acquiring)
    }

    /// Runs once per process (a `static let` initialiser is thread safe and lazy).
    private static let registration: Result<Void, LibvirtError> = {
        Check.quietErrors
        do throws(LibvirtError) {
            try Check.status("virEventRegisterDefaultImpl", virEventRegisterDefaultImpl())
        } catch {
            return .failure(error)
        }
        let thread = Thread { runForever() }
        thread.name = "libvirt-events"
        thread.start()
        return .success(())
    }()

    private static func runForever() -> Never {
        while true {
            // One iteration waits for and dispatches whatever is ready. A failure is a poll error
            // that libvirt already retries; the pause keeps a persistent one from spinning a core.
            if virEventRunDefaultImpl() < 0 {
                virResetLastError()
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }
}
