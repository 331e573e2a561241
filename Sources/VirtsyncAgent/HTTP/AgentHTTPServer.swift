internal import Hummingbird
internal import NIOCore
public import ServiceLifecycle
public import VirtsyncReport

/// The agent's HTTP endpoints: `GET /metrics`, `GET /healthz`, with previews on `GET /previews` and,
/// with a webhook secret, `POST /webhook`.
///
/// A `Service`, so the agent runs it in its `ServiceGroup` and it stops on graceful shutdown. The
/// metrics and webhook addresses may be the same (one listener serves every route) or differ (one
/// listener each; both serve `/healthz`), since metrics are often scraped on another interface than
/// the one the git server can reach.
public struct AgentHTTPServer: Service {
    /// Which routes a listener serves.
    struct Routes: OptionSet {
        let rawValue: Int
        static let metrics = Routes(rawValue: 1)
        static let webhook = Routes(rawValue: 2)
    }

    /// GitHub's own payload limit; anything larger is no webhook of theirs.
    static let maxWebhookBody = 25 * 1024 * 1024

    let listeners: [(address: ListenAddress, routes: Routes)]
    let handlers: AgentHTTPHandlers

    /// - Parameters:
    ///   - webhook: where to listen for the webhook and how to verify it; nil serves no `/webhook`.
    ///   - metrics: the Prometheus text, produced on each scrape.
    ///   - onWebhook: called for each verified webhook before `202 Accepted` is sent; it should only
    ///     signal the reconcile loop, not reconcile.
    ///   - onRejected: called for each refused webhook, for the agent's log.
    ///   - onListening: called with each listener's bound address (port 0 resolved) once it accepts.
    public init(
        metricsAddress: ListenAddress,
        webhook: (address: ListenAddress, verifier: WebhookVerifier)?,
        metrics: @escaping @Sendable () -> String,
        onWebhook: @escaping @Sendable () async -> Void,
        onRejected: @escaping @Sendable (WebhookVerifier.Rejection) async -> Void = { _ in },
        onListening: @escaping @Sendable (ListenAddress) async -> Void = { _ in },
        previews: (@Sendable () -> PreviewReport)? = nil
    ) {
        if let webhook, webhook.address != metricsAddress {
            listeners = [(metricsAddress, .metrics), (webhook.address, .webhook)]
        } else {
            listeners = [(metricsAddress, webhook == nil ? .metrics : [.metrics, .webhook])]
        }
        handlers = AgentHTTPHandlers(
            metrics: metrics,
            verifier: webhook?.verifier,
            onWebhook: onWebhook,
            onRejected: onRejected,
            onListening: onListening,
            previews: previews
        )
    }

    /// The listeners of a config: the webhook is served only when `webhook.secretFile` is set.
    public init(
        config: AgentConfig,
        verifier: WebhookVerifier?,
        metrics: @escaping @Sendable () -> String,
        onWebhook: @escaping @Sendable () async -> Void,
        onRejected: @escaping @Sendable (WebhookVerifier.Rejection) async -> Void = { _ in },
        onListening: @escaping @Sendable (ListenAddress) async -> Void = { _ in },
        previews: (@Sendable () -> PreviewReport)? = nil
    ) {
        self.init(
            metricsAddress: config.metrics.listen,
            webhook: verifier.map { (config.webhook.listen, $0) },
            metrics: metrics,
            onWebhook: onWebhook,
            onRejected: onRejected,
            onListening: onListening,
            previews: previews
        )
    }

    /// Serves until graceful shutdown or cancellation; if one listener fails, the other is stopped too.
    public func run() async throws {
        let applications = listeners.map { application(at: $0.address, routes: $0.routes) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for application in applications {
                group.addTask { try await application.run() }
            }
            try await group.next()
            group.cancelAll()
            try await group.waitForAll()
        }
    }

    private func application(at address: ListenAddress, routes: Routes) -> some Service {
        let router = Router()
        let handlers = self.handlers
        router.get("healthz") { _, _ in "ok" }
        if routes.contains(.metrics) {
            router.get("metrics") { _, _ in handlers.metricsResponse() }
            if handlers.previews != nil {
                router.get("previews") { _, _ in handlers.previewsResponse() }
            }
        }
        if routes.contains(.webhook) {
            router.post("webhook") { request, _ in
                var request = request
                let body = try await request.collectBody(upTo: Self.maxWebhookBody)
                return await handlers.webhookResponse(body: Array(body.readableBytesView), headers: request.headers)
            }
        }
        return HTTPListener(router: router, address: address, onListening: handlers.onListening)
    }
}
