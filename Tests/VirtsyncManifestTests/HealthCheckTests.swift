import Testing
import VirtsyncManifest

@Suite("Domain.spec.health")
struct HealthCheckTests {
    @Test("every key reads as written; absent keys take their defaults")
    func reads() throws {
        let text = """
            apiVersion: virtsync/v1
            kind: Domain
            metadata: {name: web1}
            spec:
              memory: 1GiB
              vcpus: 1
              health: {timeout: 2m, runningFor: 30s, guestAgent: true, tcp: "[fd00::5]:443"}
            ---
            apiVersion: virtsync/v1
            kind: Domain
            metadata: {name: web2}
            spec:
              memory: 1GiB
              vcpus: 1
              health: {tcp: "web2.lan:22"}
            """
        let result = ManifestLoader.load([ManifestFile(path: "h.yaml", text: text)])
        try #require(result.diagnostics.isEmpty, "\(result.diagnostics)")
        guard case .domain(let first) = result.manifests[0].spec, case .domain(let second) = result.manifests[1].spec
        else {
            Issue.record("not domains")
            return
        }
        #expect(
            first.health
                == HealthCheck(
                    timeoutSeconds: 120,
                    runningForSeconds: 30,
                    guestAgent: true,
                    tcp: .init(host: "fd00::5", port: 443)
                )
        )
        #expect(second.health == HealthCheck(tcp: .init(host: "web2.lan", port: 22)))
    }

    @Test(
        "ADDRESS:PORT parses an IPv4 address, a name and a bracketed IPv6 address; nothing else",
        arguments: [
            ("192.168.122.10:22", "192.168.122.10:22"), ("web1:80", "web1:80"), ("[::1]:8080", "[::1]:8080"),
            ("::1:80", nil), ("web1", nil), ("web1:0", nil), ("web1:70000", nil), (":22", nil), ("[::1]80", nil),
        ] as [(String, String?)]
    )
    func endpoint(text: String, printed: String?) {
        #expect(HealthCheck.Endpoint(parsing: text)?.description == printed)
    }
}

@Suite("Domain.spec.health beside spec.xml")
struct RawHealthCheckTests {
    @Test("a spec.xml domain takes health as a YAML domain does")
    func rawDomainHealth() throws {
        let text = """
            apiVersion: virtsync/v1
            kind: Domain
            metadata: {name: raw1}
            spec:
              health: {tcp: "127.0.0.1:22", runningFor: 0s, timeout: 5s}
              xml: |
                <domain type='qemu'><name>raw1</name><memory unit='MiB'>64</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>
            """
        let result = ManifestLoader.load([ManifestFile(path: "raw.yaml", text: text)])
        try #require(result.diagnostics.isEmpty, "\(result.diagnostics)")
        guard case .rawXML(let raw) = result.manifests.first?.spec else {
            Issue.record("not a raw XML manifest")
            return
        }
        #expect(
            raw.health == HealthCheck(timeoutSeconds: 5, runningForSeconds: 0, tcp: .init(host: "127.0.0.1", port: 22))
        )
    }
}
