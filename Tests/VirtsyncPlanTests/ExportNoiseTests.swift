import LibvirtXML
import Testing
import VirtsyncManifest
import VirtsyncPlan

@Suite("What an export leaves out of a definition")
struct ExportNoiseTests {
    static let cases: [(String, ManifestKind, String, String)] = [
        (
            "a domain's UUID and virtsync's mark, with the metadata they leave empty",
            .domain,
            "<domain><name>a</name><uuid>u</uuid><metadata><virtsync:managed xmlns:virtsync='https://virtsync.io/xmlns/domain/1'/></metadata><vcpu>1</vcpu></domain>",
            "<domain><name>a</name><vcpu>1</vcpu></domain>"
        ),
        (
            "a domain's other metadata stays",
            .domain,
            "<domain><name>a</name><metadata><app:x xmlns:app='urn:app'/></metadata></domain>",
            "<domain><name>a</name><metadata><app:x xmlns:app='urn:app'/></metadata></domain>"
        ),
        (
            "a network's UUID; its MAC and bridge stay",
            .network,
            "<network><name>n</name><uuid>u</uuid><bridge name='virbr9'/><mac address='52:54:00:00:00:01'/></network>",
            "<network><name>n</name><bridge name='virbr9'/><mac address='52:54:00:00:00:01'/></network>"
        ),
        (
            "a pool's UUID and its space figures; its target stays",
            .storagePool,
            "<pool type='dir'><name>p</name><uuid>u</uuid><capacity unit='bytes'>9</capacity><allocation unit='bytes'>5</allocation><available unit='bytes'>4</available><target><path>/p</path></target></pool>",
            "<pool type='dir'><name>p</name><target><path>/p</path></target></pool>"
        ),
        (
            "a volume's key, allocation, path, timestamps and owner; capacity and format stay",
            .volume,
            "<volume><name>v</name><key>/p/v</key><capacity unit='bytes'>9</capacity><allocation unit='bytes'>5</allocation><physical unit='bytes'>5</physical><target><path>/p/v</path><format type='qcow2'/><permissions><mode>0600</mode></permissions><timestamps><mtime>1</mtime></timestamps></target></volume>",
            "<volume><name>v</name><capacity unit='bytes'>9</capacity><target><format type='qcow2'/></target></volume>"
        ),
    ]

    @Test("identity and what changes by itself are left out", arguments: cases)
    func removes(_ example: (String, ManifestKind, String, String)) throws {
        let (_, kind, reported, exported) = example
        #expect(
            ExportNoise.removed(from: try XElement(parsing: reported), kind: kind) == (try XElement(parsing: exported))
        )
    }
}
