import Testing
import VirtsyncManifest

/// Sizes as manifests write them (`memory: 2GiB`, `capacity: 20 GiB`), and what is not one.
@Suite("Byte sizes")
struct ByteSizeTests {
    @Test(
        "sizes with a unit, blanks around and between allowed",
        arguments: [
            ("64MiB", UInt64(64) << 20), ("20 GiB", UInt64(20) << 30), (" 1KiB ", 1024), ("2\tTiB", UInt64(2) << 40),
            ("\u{00A0}512M\u{2002}", UInt64(512) << 20), ("1000KB", 1_000_000), ("7B", 7), ("9 bytes", 9),
        ]
    )
    func parses(_ text: String, _ bytes: UInt64) {
        #expect(ByteSize(parsing: text)?.bytes == bytes)
    }

    @Test(
        "not a size",
        arguments: ["", "GiB", "1.5GiB", "20gib", "0x10MiB", "-1MiB", "20 GiB x", "20\nGiB", "99999999999999999999TiB"]
    )
    func refused(_ text: String) {
        #expect(ByteSize(parsing: text) == nil)
    }
}
