import LibvirtXML
import Testing
import VirtsyncPlan

/// QEMU keeps a domain's memory as the sum of its NUMA cells; only that value is taken as equivalent.
@Suite("NUMA memory equivalence")
struct NumaMemoryEquivalenceTests {
    static func domain(memory: String, current: String? = nil, cells: [String]) -> XElement {
        var domain = XElement("domain", children: [XElement("memory", ["unit": "KiB"], text: memory)])
        if let current { domain.append(XElement("currentMemory", ["unit": "KiB"], text: current)) }
        if !cells.isEmpty {
            let numa = XElement(
                "numa",
                children: cells.enumerated().map { index, memory in
                    XElement("cell", ["id": "\(index)", "memory": memory, "unit": "KiB"])
                }
            )
            domain.append(XElement("cpu", children: [numa]))
        }
        return domain
    }

    static let table: [(want: XElement, have: XElement, memory: String?, current: String?)] = [
        // 1 GiB asked, cells of 256 MiB + 256 MiB: QEMU keeps 512 MiB, which is the manifest's own sum.
        (
            domain(memory: "1048576", current: "1048576", cells: ["262144", "262144"]),
            domain(memory: "524288", current: "524288", cells: ["262144", "262144"]), "524288", "524288"
        ),
        // A host value that is not the cells' sum stays a difference.
        (
            domain(memory: "1048576", cells: ["262144", "262144"]),
            domain(memory: "786432", cells: ["262144", "262144"]), "1048576", nil
        ),
        // Without cells, nothing is derived.
        (domain(memory: "1048576", cells: []), domain(memory: "524288", cells: []), "1048576", nil),
        // A currentMemory within the sum is the manifest's own.
        (
            domain(memory: "1048576", current: "262144", cells: ["262144", "262144"]),
            domain(memory: "524288", current: "262144", cells: ["262144", "262144"]), "524288", "262144"
        ),
    ]

    @Test("memory and currentMemory follow the host only when the host has the cells' sum", arguments: table)
    func adjusts(row: (want: XElement, have: XElement, memory: String?, current: String?)) {
        let adjusted = NumaMemoryEquivalence.adjust(want: row.want, have: row.have)
        #expect(adjusted.child("memory")?.text == row.memory)
        #expect(adjusted.child("currentMemory")?.text == row.current)
    }
}
