/// A size in bytes, written in manifests with a unit: `20GiB`, `2048MiB`, `2G`.
///
/// Units follow libvirt: `K M G T` and `KiB MiB GiB TiB` are powers of 1024, `KB MB GB TB` powers
/// of 1000, `B` is bytes. A bare number is refused: `memory: 2048` is too easy to misread.
public struct ByteSize: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var bytes: UInt64

    public init(bytes: UInt64) { self.bytes = bytes }
    public static func kib(_ value: UInt64) -> ByteSize { ByteSize(bytes: value * 1024) }
    public static func mib(_ value: UInt64) -> ByteSize { ByteSize(bytes: value << 20) }
    public static func gib(_ value: UInt64) -> ByteSize { ByteSize(bytes: value << 30) }

    /// Multipliers by unit suffix, as libvirt's `unit=` attribute reads them.
    public static let units: [String: UInt64] = [
        "B": 1, "bytes": 1,
        "K": 1 << 10, "KiB": 1 << 10, "M": 1 << 20, "MiB": 1 << 20,
        "G": 1 << 30, "GiB": 1 << 30, "T": 1 << 40, "TiB": 1 << 40,
        "KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000, "TB": 1_000_000_000_000,
    ]

    /// Parses `20GiB` / `20 GiB`; nil with no reason: the caller knows the field and says why.
    public init?(parsing text: String) {
        let trimmed = Self.trimmingBlanks(Substring(text))
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let unit = String(Self.trimmingBlanks(trimmed.dropFirst(digits.count)))
        guard !digits.isEmpty, let value = UInt64(digits), let multiplier = Self.units[unit] else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        bytes = product
    }

    /// Without blanks at either end, as Foundation's `.whitespaces` (tab and the space separators), but
    /// without bridging through NSString: every memory and capacity of a manifest is read here.
    static func trimmingBlanks(_ text: Substring) -> Substring {
        func isBlank(_ character: Character) -> Bool {
            character.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
        }
        guard let first = text.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = text.lastIndex(where: { !isBlank($0) })!
        return text[first...last]
    }

    /// Whole KiB, the unit libvirt reports memory in.
    public var kibibytes: UInt64 { bytes / 1024 }

    /// The largest binary unit that divides the size exactly (`20GiB`, `1536MiB`).
    public var description: String {
        for (unit, shift) in [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)] where bytes != 0 {
            if bytes % (1 << UInt64(shift)) == 0 { return "\(bytes >> UInt64(shift))\(unit)" }
        }
        return "\(bytes)B"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.bytes < rhs.bytes }
}
