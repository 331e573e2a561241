import Glibc

/// Hands back, after the first reconcile, the pages of code and read-only data that only start-up used.
///
/// Measured with 50 managed objects (docs/benchmark.md): of the idle agent's 58-62 MiB resident, about 50 MiB
/// were file-backed: 27 MiB the agent's own code (19 MiB of its 29 MiB `.text`, plus the relocation and
/// dynamic symbol tables read once by the dynamic linker), the rest the C libraries' code (libvirt, libcrypto,
/// libc, libstdc++, libxml2, gnutls, glib, libgit2, ...). The kernel maps code in 64 KiB windows around each
/// page touched (fault-around), and start-up touches much that never runs again: argument parsing, the
/// config, dynamic linking, the libraries' initialisers, the first clone and apply. Those pages stay mapped
/// for the life of the process, and the kernel keeps mapped executable pages longer than other file pages.
/// Over a minute at rest (drift passes, the git poll, scrapes) the agent touched 6 MiB of its code, not 27.
///
/// So every private, read-only mapping of a file that holds no anonymous page is unmapped
/// (`MADV_DONTNEED`): what the agent uses afterwards faults back in from the page cache (a minor fault, no
/// I/O), what it does not stays in the page cache unmapped, which the kernel reclaims first. The resident
/// size then follows what idle operation uses: 39-41 MiB, steady over drift passes, git polls and scrapes,
/// against 58-60 MiB before (the rest is listed in docs/benchmark.md).
///
/// Only mappings that cannot hold data of the process's own are touched: not writable, private, and without
/// anonymous (copy-on-write) pages, such as a library's relocated read-only data, whose dropped pages would
/// read back unrelocated from the file. Dropping the mapping of a page in use is safe: the next access
/// faults it in again. Measured and not taken: `MADV_PAGEOUT` (it needs to own the binary, which the
/// unprivileged agent does not), `MADV_RANDOM` and evicting the binary from the page cache (executable
/// mappings are read around whatever the advice, so it came back whole), `malloc_trim` (0.2 MiB), one or two
/// malloc arenas (under 0.5 MiB), and releasing again later (the same 39-40 MiB).
enum StartupPages {
    /// Unmaps the read-only file mappings that hold no anonymous page; returns the bytes of address space
    /// advised (not all of it was resident).
    @discardableResult
    static func release() -> Int {
        var released = 0
        for mapping in FileMapping.current() where mapping.isReadOnly && mapping.anonymousKiB == 0 {
            guard let address = UnsafeMutableRawPointer(bitPattern: mapping.start) else { continue }
            if madvise(address, mapping.length, MADV_DONTNEED) == 0 { released += mapping.length }
        }
        return released
    }
}
