public import LibvirtXML

/// The QEMU driver derives a domain's memory from its NUMA cells: with cells of 256 MiB and 256 MiB, a
/// `<memory>` of 1 GiB is kept as 512 MiB (and `currentMemory` capped to it). libvirt's generic parser
/// (the test driver) does not, so a definition that says 1 GiB would differ from QEMU's forever.
///
/// The manifest's amounts are taken as the host's when, and only when, the host's equal the sum of the
/// manifest's own cells: any other value is still a difference.
public enum NumaMemoryEquivalence {
    /// `want` with `memory` and `currentMemory` as `have` has them, when `have`'s are what QEMU derives.
    public static func adjust(want: XElement, have: XElement) -> XElement {
        guard let cells = want.descendant("cpu/numa")?.children("cell"), !cells.isEmpty,
            let total = sum(cells), let haveMemory = have.child("memory"),
            bytes(haveMemory) == total
        else { return want }
        var result = want
        if want.child("memory") != nil { result.setChild("memory", haveMemory) }
        if let current = want.child("currentMemory"), let wanted = bytes(current), wanted > total,
            let haveCurrent = have.child("currentMemory"), bytes(haveCurrent) == total
        {
            result.setChild("currentMemory", haveCurrent)
        }
        return result
    }

    /// The cells' memory in bytes (each `memory` attribute with its `unit`, KiB by default).
    static func sum(_ cells: [XElement]) -> UInt64? {
        var total: UInt64 = 0
        for cell in cells {
            guard let memory = cell[attribute: "memory"],
                let amount = ScaledUnit.bytes(memory, unit: cell[attribute: "unit"], element: "memory")
            else { return nil }
            total += amount
        }
        return total
    }

    private static func bytes(_ element: XElement) -> UInt64? {
        element.text.flatMap { ScaledUnit.bytes($0, unit: element[attribute: "unit"], element: element.name) }
    }
}
