import Testing
import VirtsyncManifest

@Suite("Host selection")
struct HostSelectorTests {
    let host = HostSelector(hostName: "kvm-07.dc1", labels: ["role": "hypervisor", "zone": "a"])

    @Test("a manifest with no selectors applies to every host")
    func emptySelectsAll() {
        #expect(host.matches([]))
    }

    @Test(
        "globs on the host name match with * and ?",
        arguments: [
            ("kvm-*", true), ("kvm-0?.dc1", true), ("*.dc1", true), ("kvm-07.dc1", true), ("*", true),
            ("kvm-?", false), ("web-*", false), ("kvm-07", false), ("*.dc2", false), ("k*m*7*1", true),
        ]
    )
    func globs(pattern: String, selected: Bool) {
        #expect(host.matches([pattern]) == selected)
    }

    @Test("key=value matches a label of the host exactly")
    func labels() {
        #expect(host.matches(["role=hypervisor"]))
        #expect(!host.matches(["role=storage"]))
        #expect(!host.matches(["rack=hypervisor"]))
    }

    @Test("any one matching selector selects the manifest")
    func anyMatches() {
        #expect(host.matches(["web-*", "zone=a"]))
        #expect(!host.matches(["web-*", "zone=b"]))
        let manifest = Manifest(
            metadata: ObjectMeta(name: "n", hosts: ["db-*", "kvm-0*"]),
            spec: .network(NetworkSpec()),
            origin: .yaml,
            location: SourceLocation(file: "n.yaml", line: 1, column: 1)
        )
        #expect(host.selects(manifest))
        #expect(!HostSelector(hostName: "db").selects(manifest))
    }
}
