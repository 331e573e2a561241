import LibvirtXML
import Testing
import VirtsyncPlan

/// A running VM's XML kept as the manifest: what QEMU set at start is the host's, not the manifest's.
@Suite("running-state equivalence")
struct RunningStateEquivalenceTests {
    static func xml(_ text: String) -> XElement { try! XElement(parsing: text) }

    /// (what the read-back says, the persistent definition, what is left to compare).
    static let table: [(name: String, want: String, have: String, expected: String)] = [
        (
            "the balloon's size is the definition's",
            "<domain id='3'><currentMemory unit='KiB'>8388608</currentMemory></domain>",
            "<domain><currentMemory unit='KiB'>2097152</currentMemory></domain>",
            "<domain id='3'><currentMemory unit='KiB'>2097152</currentMemory></domain>"
        ),
        (
            "the default cgroup partition is dropped when the definition has none",
            "<domain id='3'><resource><partition>/machine</partition></resource></domain>", "<domain/>",
            "<domain id='3'/>"
        ),
        (
            "another partition stays",
            "<domain id='3'><resource><partition>/web</partition></resource></domain>", "<domain/>",
            "<domain id='3'><resource><partition>/web</partition></resource></domain>"
        ),
        (
            "a dynamic label without labels is the default",
            "<domain id='3'><seclabel type='dynamic' model='dac' relabel='yes'/></domain>", "<domain/>",
            "<domain id='3'/>"
        ),
        (
            "a static label stays",
            "<domain id='3'><seclabel type='static' model='dac'><label>1:1</label></seclabel></domain>", "<domain/>",
            "<domain id='3'><seclabel type='static' model='dac'><label>1:1</label></seclabel></domain>"
        ),
        (
            "QEMU's expansion of the CPU model is dropped, configured features stay",
            "<domain id='3'><cpu mode='custom' check='full'><model>qemu64</model><feature policy='require' name='hypervisor'/><feature policy='disable' name='svm'/></cpu></domain>",
            "<domain><cpu mode='custom' check='none'><model>qemu64</model><feature policy='disable' name='svm'/></cpu></domain>",
            "<domain id='3'><cpu mode='custom'><model>qemu64</model><feature policy='disable' name='svm'/></cpu></domain>"
        ),
        (
            "a listen address qemu.conf filled in is dropped",
            "<domain id='3'><devices><graphics type='spice' listen='127.0.0.1'><listen type='address' address='127.0.0.1'/></graphics></devices></domain>",
            "<domain><devices><graphics type='spice'><listen type='address'/></graphics></devices></domain>",
            "<domain id='3'><devices><graphics type='spice'><listen type='address'/></graphics></devices></domain>"
        ),
        (
            "a listen address the definition has stays",
            "<domain id='3'><devices><graphics type='vnc' listen='0.0.0.0'/></devices></domain>",
            "<domain><devices><graphics type='vnc' listen='0.0.0.0'/></devices></domain>",
            "<domain id='3'><devices><graphics type='vnc' listen='0.0.0.0'/></devices></domain>"
        ),
    ]

    @Test("runtime values give way to the definition's", arguments: table)
    func adjusts(row: (name: String, want: String, have: String, expected: String)) {
        let adjusted = RunningStateEquivalence.adjust(want: Self.xml(row.want), have: Self.xml(row.have))
        #expect(adjusted == Self.xml(row.expected), "\(row.name)")
    }

    @Test("only a document with the running domain's id is a read-back")
    func readBack() {
        #expect(RunningStateEquivalence.isReadBack(Self.xml("<domain type='kvm' id='7'/>")))
        #expect(!RunningStateEquivalence.isReadBack(Self.xml("<domain type='kvm'/>")))
    }
}
