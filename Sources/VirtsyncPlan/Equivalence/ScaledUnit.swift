/// libvirt's scaled integers: `<memory unit='KiB'>2097152</memory>` and `<capacity unit='G'>2</capacity>`
/// are one amount written two ways. The comparator turns both sides into bytes before comparing.
///
/// Units as libvirt's `virScaleInteger` reads them: `b`/`bytes`; `KB MB GB TB PB EB` are powers of 1000;
/// `k K KiB M MiB G GiB T TiB P PiB E EiB` powers of 1024. Each element has its own default unit.
public enum ScaledUnit {
    static let multipliers: [String: UInt64] = [
        "b": 1, "bytes": 1,
        "KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000, "TB": 1_000_000_000_000, "PB": 1_000_000_000_000_000,
        "k": 1 << 10, "K": 1 << 10, "KiB": 1 << 10, "M": 1 << 20, "MiB": 1 << 20,
        "G": 1 << 30, "GiB": 1 << 30, "T": 1 << 40, "TiB": 1 << 40, "P": 1 << 50, "PiB": 1 << 50,
        "E": 1 << 60, "EiB": 1 << 60,
    ]

    /// Elements whose text (or `size` attribute, for hugepages) is a scaled integer, with their default unit.
    static let defaultUnits: [String: String] = [
        "memory": "KiB", "currentMemory": "KiB", "maxMemory": "KiB", "page": "KiB",
        "capacity": "bytes", "allocation": "bytes", "physical": "bytes",
    ]

    /// Whether `element` holds a scaled integer libvirt may re-unit.
    static func isScaled(_ elementName: String) -> Bool { defaultUnits[elementName] != nil }

    /// The amount in bytes, or nil when the number or unit is not one libvirt would accept.
    public static func bytes(_ value: String, unit: String?, element: String) -> UInt64? {
        guard let number = UInt64(value.trimmingPrefix(" ")),
            let multiplier = multipliers[unit ?? defaultUnits[element] ?? "bytes"]
        else { return nil }
        let (product, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }
}
