import Glibc

/// Hands back, after the first reconcile, the pages of code and read-only data that only start-up used.
///
/// Start-up touches much code and data that never runs again: dynamic linking (the relocation and symbol
/// tables), the libraries' initialisers, argument parsing, the config, the first clone and apply. Before
/// `FaultAround` is registered (in `run()`, after dynamic linking and the initialisers) every page touched
/// also mapped its 64 KiB window: 19 MiB of the binary's code is resident when the first reconcile ends.
/// Those pages would stay mapped for the life of the process, and the kernel keeps mapped executable pages
/// longer than other file pages.
///
/// So every private, read-only mapping of a file that holds no anonymous page is unmapped
/// (`MADV_DONTNEED`): what the agent uses afterwards faults back in from the page cache (a minor fault, no
/// I/O), page by page since `FaultAround`; what it does not stays in the page cache unmapped, which the
/// kernel reclaims first. The resident size then follows what idle operation uses (docs/benchmark.md,
/// "The idle agent": 19 MiB at 50 objects, 5.4 MiB of it the binary's code; without this release 47 MiB).
///
/// Only mappings that cannot hold data of the process's own are touched: not writable, private, and without
/// anonymous (copy-on-write) pages, such as a library's relocated read-only data, whose dropped pages would
/// read back unrelocated from the file. Dropping the mapping of a page in use is safe: the next access
/// faults it in again. The binary's writable segment is left alone although most of it is constants (its
/// `.rodata` is writable: Swift writes the headers of static objects there at run time). Measured and not
/// taken: `MADV_PAGEOUT` (it needs to own the binary, which the unprivileged agent does not), `MADV_RANDOM`
/// and evicting the binary from the page cache (executable mappings are read around whatever the advice),
/// `malloc_trim` (0.2 MiB), one or two malloc arenas (under 0.5 MiB), and releasing again later (the same).
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
