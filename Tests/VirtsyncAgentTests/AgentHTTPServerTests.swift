import Testing
import VirtsyncAgent

@Suite("The agent's HTTP endpoints", .serialized)
struct AgentHTTPServerTests {
    static let metricsText = "# TYPE virtsync_up gauge\nvirtsync_up 1\n"

    static func server(
        metrics: ListenAddress,
        webhook: ListenAddress?,
        calls: CallCount,
        onListening: @escaping @Sendable (ListenAddress) async -> Void
    ) -> AgentHTTPServer {
        let verifier = WebhookVerifier(secret: Array(WebhookVectors.githubSecret.utf8))
        return AgentHTTPServer(
            metricsAddress: metrics,
            webhook: webhook.map { ($0, verifier) },
            metrics: { Self.metricsText },
            onWebhook: { await calls.increment() },
            onListening: onListening
        )
    }

    @Test("one listener serves /healthz, /metrics and /webhook")
    func sharedListener() async throws {
        let calls = CallCount()
        let local = ListenAddress(host: "127.0.0.1", port: 0)
        try await withRunningServer({ Self.server(metrics: local, webhook: local, calls: calls, onListening: $0) }) {
            addresses in
            let address = try #require(addresses.first)
            #expect(address.port != 0)

            let health = try await request("GET", "/healthz", at: address)
            #expect(health.status == 200 && health.body == "ok")

            let metrics = try await request("GET", "/metrics", at: address)
            #expect(metrics.status == 200 && metrics.body == Self.metricsText)
            #expect(metrics.headers["content-type"] == "text/plain; version=0.0.4")

            let unsigned = try await request("POST", "/webhook", at: address, body: WebhookVectors.githubBody)
            #expect(unsigned.status == 401)
            let forged = try await request(
                "POST",
                "/webhook",
                at: address,
                body: "Hello, World?",
                headers: ["X-Hub-Signature-256": WebhookVectors.githubSignature]
            )
            #expect(forged.status == 401)
            #expect(await calls.value == 0)

            let signed = try await request(
                "POST",
                "/webhook",
                at: address,
                body: WebhookVectors.githubBody,
                headers: ["X-Hub-Signature-256": WebhookVectors.githubSignature]
            )
            #expect(signed.status == 202)
            #expect(await calls.value == 1)
        }
    }

    @Test("different addresses get one listener each, each with its own routes")
    func separateListeners() async throws {
        let calls = CallCount()
        let metrics = ListenAddress(host: "127.0.0.1", port: 0)
        let webhook = ListenAddress(host: "127.0.0.2", port: 0)
        try await withRunningServer(
            listeners: 2,
            { Self.server(metrics: metrics, webhook: webhook, calls: calls, onListening: $0) }
        ) { addresses in
            let metricsAddress = try #require(addresses.first { $0.host == "127.0.0.1" })
            let webhookAddress = try #require(addresses.first { $0.host == "127.0.0.2" })

            #expect(try await request("GET", "/metrics", at: metricsAddress).body == Self.metricsText)
            #expect(try await request("GET", "/metrics", at: webhookAddress).status == 404)
            #expect(try await request("GET", "/healthz", at: webhookAddress).status == 200)
            let headers = ["X-Hub-Signature-256": WebhookVectors.githubSignature]
            #expect(
                try await request(
                    "POST",
                    "/webhook",
                    at: metricsAddress,
                    body: WebhookVectors.githubBody,
                    headers: headers
                ).status == 404
            )
            #expect(
                try await request(
                    "POST",
                    "/webhook",
                    at: webhookAddress,
                    body: WebhookVectors.githubBody,
                    headers: headers
                ).status == 202
            )
            #expect(await calls.value == 1)
        }
    }

    @Test("without a webhook secret there is no /webhook")
    func noWebhook() async throws {
        let calls = CallCount()
        let local = ListenAddress(host: "127.0.0.1", port: 0)
        try await withRunningServer({ Self.server(metrics: local, webhook: nil, calls: calls, onListening: $0) }) {
            addresses in
            let address = try #require(addresses.first)
            let headers = ["X-Hub-Signature-256": WebhookVectors.githubSignature]
            #expect(
                try await request("POST", "/webhook", at: address, body: WebhookVectors.githubBody, headers: headers)
                    .status == 404
            )
            #expect(try await request("GET", "/metrics", at: address).status == 200)
            #expect(await calls.value == 0)
        }
    }

    @Test("a config's listen addresses place the routes; a verifier turns the webhook on")
    func fromConfig() async throws {
        let text =
            "source: {url: x}\nwebhook: {listen: \"127.0.0.1:0\", secretFile: /s}\nmetrics: {listen: \"127.0.0.1:0\"}\n"
        let config = try AgentConfig.parse(text: text, path: "agent.yaml", hostname: "h1")
        let calls = CallCount()
        let verifier = WebhookVerifier(secret: Array(WebhookVectors.githubSecret.utf8))
        try await withRunningServer({
            AgentHTTPServer(
                config: config,
                verifier: verifier,
                metrics: { "m" },
                onWebhook: { await calls.increment() },
                onListening: $0
            )
        }) { addresses in
            let address = try #require(addresses.first)
            let headers = ["X-Hub-Signature-256": WebhookVectors.githubSignature]
            #expect(
                try await request("POST", "/webhook", at: address, body: WebhookVectors.githubBody, headers: headers)
                    .status == 202
            )
            #expect(try await request("GET", "/metrics", at: address).body == "m")
            #expect(await calls.value == 1)
        }
    }
}
