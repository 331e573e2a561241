import Testing
import VirtsyncPlan

/// libvirt's scaled integers in bytes: binary and decimal units, and each element's default unit.
@Suite("scaled units")
struct ScaledUnitTests {
    static let table: [(value: String, unit: String?, element: String, bytes: UInt64?)] = [
        ("2097152", "KiB", "memory", 2 << 30),
        ("2048", "MiB", "memory", 2 << 30),
        ("2", "G", "capacity", 2 << 30),
        ("2", "GiB", "capacity", 2 << 30),
        ("1073741824", "bytes", "capacity", 1 << 30),
        ("1073741824", "b", "capacity", 1 << 30),
        ("1", "KB", "capacity", 1_000),
        ("3", "MB", "capacity", 3_000_000),
        ("1", "k", "memory", 1024),
        ("262144", nil, "memory", 262_144 * 1024),
        ("262144", nil, "currentMemory", 262_144 * 1024),
        ("4096", nil, "capacity", 4096),
        ("2048", nil, "page", 2048 * 1024),
        ("12", "XB", "capacity", nil),
        ("twelve", "KiB", "memory", nil),
        ("-1", "KiB", "memory", nil),
        ("18446744073709551615", "KiB", "memory", nil),
    ]

    @Test("amounts convert to bytes as libvirt reads them", arguments: table)
    func bytes(row: (value: String, unit: String?, element: String, bytes: UInt64?)) {
        #expect(ScaledUnit.bytes(row.value, unit: row.unit, element: row.element) == row.bytes)
    }
}
