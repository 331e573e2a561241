import Testing
import VirtsyncAgent

@Suite("source.preview in the config file")
struct PreviewConfigTests {
    @Test("refs, maxRefs and minInterval read as written; absent, previews are off")
    func reads() throws {
        let text = """
            source:
              url: file:///srv/fleet
              preview: {refs: ["refs/pull/*/head", "refs/heads/preview/*"], maxRefs: 5, minInterval: 2m}
            """
        let config = try AgentConfig.parse(text: text, path: "agent.yaml", hostname: "h1")
        #expect(
            config.source.preview
                == PreviewConfig(
                    refs: ["refs/pull/*/head", "refs/heads/preview/*"],
                    maxRefs: 5,
                    minInterval: .seconds(120)
                )
        )
        #expect(config.source.preview.isEnabled)
        let plain = try AgentConfig.parse(text: "source: {url: x}\n", path: "agent.yaml", hostname: "h1")
        #expect(!plain.source.preview.isEnabled)
        #expect(plain.source.preview.maxRefs == 20)
    }

    @Test("an unknown key, a bad glob and a bad count are errors at their lines")
    func mistakes() {
        let text = """
            source:
              url: x
              preview:
                refs: ["pull/*/head", "refs/*/x/*"]
                maxRef: 3
                minInterval: 0s
            """
        #expect(
            configErrors(text) == [
                "agent.yaml:4:12: error: source.preview.refs[0]: expected a ref glob such as refs/pull/*/head (full name, at most one *), got 'pull/*/head'",
                "agent.yaml:4:27: error: source.preview.refs[1]: expected a ref glob such as refs/pull/*/head (full name, at most one *), got 'refs/*/x/*'",
                "agent.yaml:5:5: error: source.preview.maxRef: unknown key; did you mean 'maxRefs'?",
                "agent.yaml:6:18: error: source.preview.minInterval: expected a duration such as 60s, 5m or 1h, got '0s'",
            ]
        )
    }
}
