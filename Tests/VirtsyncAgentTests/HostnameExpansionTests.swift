import Testing
import VirtsyncAgent
import VirtsyncManifest

@Suite("${hostname} expands in host.name and paths")
struct HostnameExpansionTests {
    @Test("the injected host name replaces every ${hostname}")
    func injected() throws {
        let text =
            "source: {url: x}\nhost: {name: \"${hostname}.lan\"}\npaths: [\"hosts/${hostname}\", \"${hostname}/${hostname}\", common]\n"
        let config = try AgentConfig.parse(text: text, path: "agent.yaml", hostname: "kvm7")
        #expect(config.host.name == "kvm7.lan")
        #expect(config.paths == ["hosts/kvm7", "kvm7/kvm7", "common"])
    }

    @Test("without host.name the host is named ${hostname}")
    func defaultName() throws {
        let config = try AgentConfig.parse(
            text: "source: {url: x}\nhost: {labels: {role: db}}\n",
            path: "a.yaml",
            hostname: "kvm7"
        )
        #expect(config.host.name == "kvm7")
        #expect(config.hostSelector == HostSelector(hostName: "kvm7", labels: ["role": "db"]))
    }

    @Test("with no injected name the system host name is used")
    func systemName() throws {
        let config = try AgentConfig.parse(text: "source: {url: x}\n", path: "a.yaml")
        #expect(!config.host.name.isEmpty)
        #expect(!config.host.name.contains("${"))
    }

    @Test("an unknown or unterminated variable is an error, not literal text")
    func unknownVariable() {
        #expect(
            configErrors("source: {url: x}\npaths: [\"hosts/${hostnmae}\"]\n") == [
                "agent.yaml:2:9: error: paths[0]: unknown variable '${hostnmae}'; did you mean '${hostname}'?"
            ]
        )
        #expect(
            configErrors("source: {url: x}\nhost: {name: \"${user}\"}\n") == [
                "agent.yaml:2:14: error: host.name: unknown variable '${user}'; only ${hostname} is expanded"
            ]
        )
        #expect(
            configErrors("source: {url: x}\nhost: {name: \"a${hostname\"}\n") == [
                "agent.yaml:2:14: error: host.name: unterminated '${' in 'a${hostname'"
            ]
        )
    }

    @Test("manifest paths join the checkout root; an empty path is the root")
    func manifestPaths() throws {
        let config = try AgentConfig.parse(
            text: "source: {url: x}\npaths: [\"hosts/${hostname}\", \"\", .]\n",
            path: "a.yaml",
            hostname: "h1"
        )
        #expect(
            config.manifestPaths(in: "/var/lib/virtsync/git/") == [
                "/var/lib/virtsync/git/hosts/h1", "/var/lib/virtsync/git", "/var/lib/virtsync/git",
            ]
        )
        let defaults = try AgentConfig.parse(text: "source: {url: x}\n", path: "a.yaml", hostname: "h1")
        #expect(defaults.manifestPaths(in: "/co") == ["/co"])
    }
}
