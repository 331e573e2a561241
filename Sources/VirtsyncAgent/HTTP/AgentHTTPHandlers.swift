internal import Hummingbird
internal import VirtsyncReport

/// What the routes of `AgentHTTPServer` do, apart from the routing: shared by every listener.
struct AgentHTTPHandlers: Sendable {
    /// Prometheus' text exposition format.
    static let metricsContentType = "text/plain; version=0.0.4"

    let metrics: @Sendable () -> String
    let verifier: WebhookVerifier?
    let onWebhook: @Sendable () async -> Void
    let onRejected: @Sendable (WebhookVerifier.Rejection) async -> Void
    let onListening: @Sendable (ListenAddress) async -> Void
    /// This host's previews, when `source.preview` is on.
    let previews: (@Sendable () -> PreviewReport)?

    func metricsResponse() -> Response {
        var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: metrics())))
        response.headers[.contentType] = Self.metricsContentType
        return response
    }

    /// `GET /previews`: the host's previews as JSON (`PreviewReport`).
    func previewsResponse() -> Response {
        guard let previews, let body = try? previews().encoded() else { return Response(status: .internalServerError) }
        var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        response.headers[.contentType] = "application/json"
        return response
    }

    func webhookResponse(body: [UInt8], headers: HTTPFields) async -> Response {
        guard let verifier else { return Response(status: .notFound) }
        do {
            _ = try verifier.verify(body: body) { name in Self.value(of: name, in: headers) }
        } catch {
            await onRejected(error)
            return Response(status: .unauthorized)
        }
        await onWebhook()
        return Response(status: .accepted)
    }

    /// Field names compare case-insensitively; a repeated field reads as its first value.
    static func value(of name: String, in headers: HTTPFields) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.canonicalName == wanted }?.value
    }
}
