import LibvirtXML
import Testing
import VirtsyncManifest

@testable import VirtsyncPlan

/// Domain-level choices: what is left out when unset, and the defaults the schema fills in.
@Suite struct DomainChoiceRenderTests {
    static func render(_ spec: DomainSpec) -> XElement { DomainRenderer.render(name: "d", spec) }

    @Test("currentMemory defaults to memory, in KiB")
    func currentMemoryDefault() {
        let domain = Self.render(DomainSpec(memory: .mib(1536), vcpus: 1))
        #expect(domain.child("memory")?.text == "1572864")
        #expect(domain.child("currentMemory")?.text == "1572864")
        #expect(domain.child("currentMemory")?[attribute: "unit"] == "KiB")
    }

    @Test("unset parts are left to libvirt: no uuid, cpu, cputune, memoryBacking, machine, boot or emulator")
    func unsetPartsAreLeftOut() {
        let domain = Self.render(DomainSpec(memory: .gib(1), vcpus: 1))
        #expect(
            domain.children.map(\.name) == [
                "name", "memory", "currentMemory", "vcpu", "os", "features", "clock", "on_poweroff", "on_reboot",
                "on_crash", "devices",
            ]
        )
        #expect(compact(domain.child("os")!) == "<os><type arch='x86_64'>hvm</type></os>")
        #expect(domain.child("devices")?.children == [])
    }

    @Test(
        "firmware: efi is an attribute of <os>, bios is libvirt's default and adds nothing",
        arguments: [(DomainSpec.OS.Firmware?.none, nil), (.bios, nil), (.efi, "efi")]
            as [(DomainSpec.OS.Firmware?, String?)]
    )
    func firmware(firmware: DomainSpec.OS.Firmware?, expected: String?) {
        let domain = Self.render(DomainSpec(memory: .gib(1), vcpus: 1, os: .init(firmware: firmware)))
        #expect(domain.child("os")?[attribute: "firmware"] == expected)
    }

    @Test("features list only those that are on, and vanish when none is")
    func features() {
        #expect(DomainRenderer.features(.init(acpi: false, apic: false, pae: false)) == nil)
        #expect(
            compact(DomainRenderer.features(.init(acpi: false, apic: true, pae: true))!)
                == "<features><apic/><pae/></features>"
        )
    }

    @Test(
        "cpu modes: custom matches exactly with a fallback model; cache emulate carries level 3",
        arguments: [
            (DomainSpec.CPU(mode: .hostModel), "<cpu mode='host-model'/>"),
            (
                DomainSpec.CPU(mode: .custom, model: "EPYC", cache: .emulate),
                "<cpu mode='custom' match='exact'><model fallback='allow'>EPYC</model><cache level='3' mode='emulate'/></cpu>"
            ),
            (
                DomainSpec.CPU(
                    mode: .hostPassthrough,
                    topology: .init(sockets: 1, cores: 4, threads: 2),
                    cache: .disable
                ),
                "<cpu mode='host-passthrough'><topology sockets='1' cores='4' threads='2'/><cache mode='disable'/></cpu>"
            ),
        ]
    )
    func cpuModes(cpu: DomainSpec.CPU, expected: String) {
        #expect(compact(DomainRenderer.cpu(cpu)) == expected)
    }

    @Test("hugepages off or an empty cputune render nothing")
    func emptyTuning() {
        #expect(DomainRenderer.memoryBacking(.init(hugepages: false, pageSize: .mib(2))) == nil)
        #expect(DomainRenderer.cputune(.init()) == nil)
        #expect(
            compact(DomainRenderer.memoryBacking(.init(pageSize: .gib(1)))!)
                == "<memoryBacking><hugepages><page size='1048576' unit='KiB'/></hugepages></memoryBacking>"
        )
    }
}
