import CUserfaultfd
import Glibc
import Synchronization

/// Turns off the kernel's fault-around on the agent's private mappings of files, so that code and data of
/// the binary and its libraries are mapped page by page as they are used rather than in 64 KiB windows.
///
/// On a read fault in a file mapping the kernel maps every page of the page cache in the 64 KiB window
/// around the one asked for (`fault_around_bytes`, a system-wide setting the agent must not change). The
/// code an idle agent runs is spread thinly over a 29 MiB `.text` (the Swift runtime, Foundation, NIO, our
/// modules), so a minute at rest kept about 20 MiB of the binary's code resident for 6 MiB touched
/// (docs/benchmark.md, "The idle agent").
///
/// The kernel skips fault-around in a mapping registered with a userfaultfd for write-protect tracking
/// (`uffd_disable_fault_around`). Registered here in the asynchronous mode (Linux 6.7 and later): the
/// kernel resolves write-protect faults itself, no thread of ours serves them, and as nothing is ever
/// write-protected there are none. The only effect left is the one wanted. The userfaultfd is opened for
/// user-mode faults only, which an unprivileged process may do (`vm.unprivileged_userfaultfd` stays 0),
/// and it stays open for the life of the process (closing it would undo the registrations).
///
/// What this costs: one minor fault per 4 KiB page touched the first time instead of one per 64 KiB
/// window (the page cache still reads ahead as before, so no more I/O). Older kernels refuse the mode
/// (EINVAL), a seccomp filter may refuse userfaultfd(2) (EPERM); either way nothing is registered and
/// the agent maps its code as before.
enum FaultAround {
    /// The userfaultfd once opened, or why it could not be.
    private static let userfaultfd = Mutex<Result<Int32, Refusal>?>(nil)

    /// Registers every private mapping of a file (again: mappings made since, such as a library loaded
    /// later, need another call); returns the bytes registered, or why none can be. Writable ones too (the
    /// binary's writable segment holds 37 MiB of Foundation's ICU tables): their writes stay ordinary
    /// copy-on-write faults, since no page is ever write-protected.
    @discardableResult
    static func disable() -> Result<Int, Refusal> {
        userfaultfd.withLock { opened in
            if opened == nil {
                let descriptor = virtsync_uffd_open_wp_async()
                opened = descriptor >= 0 ? .success(descriptor) : .failure(Refusal(errno: errno))
            }
            return opened!.map { descriptor in
                FileMapping.current().reduce(0) { registered, mapping in
                    let done = virtsync_uffd_register_wp(descriptor, mapping.start, UInt(mapping.length)) == 0
                    return registered + (done ? mapping.length : 0)
                }
            }
        }
    }

    /// Why fault-around stays on.
    struct Refusal: Error, CustomStringConvertible {
        var errno: Int32
        var description: String { "userfaultfd: \(String(cString: strerror(errno)))" }
    }
}
