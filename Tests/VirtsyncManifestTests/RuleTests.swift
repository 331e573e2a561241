import Testing

@testable import VirtsyncManifest

@Suite("Name and path rules")
struct RuleTests {
    @Test(
        "object names: 1 to 63 of [A-Za-z0-9._-], not starting with '-' or '.'",
        arguments: [
            ("web1", true), ("a", true), ("web_1.prod-2", true), (String(repeating: "a", count: 63), true),
            ("", false), (String(repeating: "a", count: 64), false), ("-web", false), (".web", false),
            ("web 1", false), ("web/1", false), ("wéb", false),
        ]
    )
    func domainNames(name: String, valid: Bool) {
        #expect((NameRule.problem(with: name, kind: .domain) == nil) == valid)
    }

    @Test("volume names may be up to 255 characters and never contain '/'")
    func volumeNames() {
        #expect(NameRule.problem(with: String(repeating: "v", count: 255), kind: .volume) == nil)
        #expect(NameRule.problem(with: String(repeating: "v", count: 256), kind: .volume) != nil)
        #expect(NameRule.problem(with: "a/b.qcow2", kind: .volume) != nil)
        #expect(NameRule.problem(with: String(repeating: "v", count: 64), kind: .storagePool) != nil)
    }

    @Test(
        "paths must be absolute, normalised and under an allowed prefix on whole components",
        arguments: [
            ("/var/lib/libvirt/images/a.qcow2", true), ("/srv/pool/sub/a.img", true), ("/srv/pool", true),
            ("/srv/pool2/a.img", false), ("/var/lib/libvirt/images/../a", false), ("/srv/pool/./a", false),
            ("/srv//pool/a", false), ("/srv/pool/", false), ("srv/pool/a", false), ("/etc/passwd", false),
        ]
    )
    func paths(path: String, allowed: Bool) {
        let problem = PathRule.problem(with: path, allowed: ["/var/lib/libvirt/images", "/srv/pool/"])
        #expect((problem == nil) == allowed, "\(problem ?? "")")
    }

    @Test("MAC addresses are six pairs of hex digits")
    func macs() {
        #expect(MACRule.problem(with: "52:54:00:AB:cd:0f") == nil)
        #expect(MACRule.problem(with: "52:54:00:ab:cd") != nil)
        #expect(MACRule.problem(with: "52-54-00-ab-cd-0f") != nil)
        #expect(MACRule.problem(with: "52:54:00:ab:cd:0g") != nil)
    }

    @Test("suggestions are offered only for close misspellings, transpositions counting once")
    func suggestions() {
        let fields = ["cache", "device", "target", "readonly"]
        #expect(Suggestion.closest(to: "cahce", in: fields) == "cache")
        #expect(Suggestion.closest(to: "readOnly", in: fields) == "readonly")
        #expect(Suggestion.closest(to: "tagret", in: fields) == "target")
        #expect(Suggestion.closest(to: "colour", in: fields) == nil)
        #expect(Suggestion.closest(to: "x", in: ["io"]) == nil)
        #expect(Suggestion.distance("Domian", "Domain") == 1)
    }
}
