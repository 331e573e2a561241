import Testing
import VirtsyncAgent

/// The diagnostics of parsing `text` as `agent.yaml`, one line each; empty when it parses.
func configErrors(_ text: String) -> [String] {
    do {
        _ = try AgentConfig.parse(text: text, path: "agent.yaml", hostname: "h1")
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

@Suite("Each mistake in a config file is reported at its position")
struct ConfigErrorTests {
    @Test("an unknown key suggests the closest one")
    func unknownKey() {
        #expect(
            configErrors("source: {url: x}\nmdoe: report\n") == [
                "agent.yaml:2:1: error: mdoe: unknown key; did you mean 'mode'?"
            ]
        )
        #expect(
            configErrors("source:\n  url: x\n  auth: {tokenFiel: /t}\n") == [
                "agent.yaml:3:10: error: source.auth.tokenFiel: unknown key; did you mean 'tokenFile'?"
            ]
        )
    }

    @Test("an unknown key with nothing close lists the allowed ones")
    func unknownKeyNothingClose() {
        #expect(
            configErrors("source: {url: x}\nwebhook: {port: 9}\n") == [
                "agent.yaml:2:11: error: webhook.port: unknown key; expected one of listen, secretFile"
            ]
        )
    }

    @Test("source.url is required")
    func missingURL() {
        #expect(configErrors("mode: report\n") == ["agent.yaml:1:1: error: source.url: required key is missing"])
        #expect(
            configErrors("mode: report\nsource:\n  ref: main\n") == [
                "agent.yaml:2:1: error: source.url: required key is missing"
            ]
        )
        #expect(configErrors("") == ["agent.yaml:1:1: error: source.url: required key is missing"])
    }

    @Test("mode is enforce or report")
    func badMode() {
        #expect(
            configErrors("source: {url: x}\nmode: enforc\n") == [
                "agent.yaml:2:7: error: mode: expected one of enforce, report, got 'enforc'; did you mean 'enforce'?"
            ]
        )
        #expect(
            configErrors("source: {url: x}\nmode: dry-run\n") == [
                "agent.yaml:2:7: error: mode: expected one of enforce, report, got 'dry-run'"
            ]
        )
    }

    @Test("interval needs a positive count and a unit of s, m or h")
    func badInterval() {
        #expect(
            configErrors("source:\n  url: x\n  interval: 5d\n") == [
                "agent.yaml:3:13: error: source.interval: expected a duration such as 60s, 5m or 1h, got '5d'"
            ]
        )
        #expect(
            configErrors("source:\n  url: x\n  interval: 0s\n") == [
                "agent.yaml:3:13: error: source.interval: expected a duration such as 60s, 5m or 1h, got '0s'"
            ]
        )
    }

    @Test("maxDestroyShare is a share from 0 to 1")
    func badShare() {
        #expect(
            configErrors("source: {url: x}\nmaxDestroyShare: 1.5\n") == [
                "agent.yaml:2:18: error: maxDestroyShare: expected a number from 0 to 1, got 1.5"
            ]
        )
        #expect(
            configErrors("source: {url: x}\nmaxDestroyShare: half\n") == [
                "agent.yaml:2:18: error: maxDestroyShare: expected a number from 0 to 1, got 'half'"
            ]
        )
    }

    @Test("a value of the wrong type names what was expected and what was found")
    func wrongType() {
        #expect(
            configErrors("source: {url: x}\nprune: maybe\n") == [
                "agent.yaml:2:8: error: prune: expected true or false, got 'maybe'"
            ]
        )
        #expect(
            configErrors("source: {url: x}\nallowedPaths: /srv\n") == [
                "agent.yaml:2:15: error: allowedPaths: expected a list, got '/srv'"
            ]
        )
        #expect(
            configErrors("source: {url: x}\nhost:\n  - a\n") == [
                "agent.yaml:2:1: error: host: expected a mapping, got a list"
            ]
        )
        #expect(
            configErrors("source: {url: [a]}\n") == [
                "agent.yaml:1:10: error: source.url: expected a string, got a list"
            ]
        )
    }

    @Test("paths, listen addresses and files are checked")
    func badValues() {
        #expect(
            configErrors("source: {url: x}\npaths: [common, /etc, ../up]\n") == [
                "agent.yaml:2:17: error: paths[1]: expected a directory inside the repository such as hosts/${hostname}, got '/etc'",
                "agent.yaml:2:23: error: paths[2]: expected a directory inside the repository such as hosts/${hostname}, got '../up'",
            ]
        )
        #expect(
            configErrors("source: {url: x}\nmetrics: {listen: 9273}\n") == [
                "agent.yaml:2:19: error: metrics.listen: expected an address such as 127.0.0.1:9292 or [::1]:9292, got '9273'"
            ]
        )
        #expect(
            configErrors("source: {url: x}\nwebhook: {secretFile: secret}\n") == [
                "agent.yaml:2:23: error: webhook.secretFile: expected an absolute path, got 'secret'"
            ]
        )
    }

    @Test("every mistake of a file is reported in one pass, in file order")
    func allAtOnce() {
        #expect(
            configErrors("mode: x\nprune: 3\nsource:\n  interval: 1y\n") == [
                "agent.yaml:1:7: error: mode: expected one of enforce, report, got 'x'",
                "agent.yaml:2:8: error: prune: expected true or false, got '3'",
                "agent.yaml:3:1: error: source.url: required key is missing",
                "agent.yaml:4:13: error: source.interval: expected a duration such as 60s, 5m or 1h, got '1y'",
            ]
        )
    }

    @Test("YAML syntax errors and duplicate keys carry their position")
    func syntax() {
        #expect(
            configErrors("source: {url: x\n") == [
                "agent.yaml:2:1: error: YAML syntax error: did not find expected ',' or '}'"
            ]
        )
        #expect(
            configErrors("source: {url: x}\nmode: report\nmode: enforce\n") == [
                "agent.yaml:2:1: error: duplicate key 'mode' in one mapping"
            ]
        )
    }
}
