import Foundation
import Testing
@testable import VirtsyncAgent

/// Every response names its server and carries the current date (RFC 9110), formatted per response now
/// that the agent runs no date cache (HTTPListener).
@Suite("The agent's HTTP response headers", .serialized)
struct HTTPHeadersTests {
    @Test("the date header is RFC 9110's IMF-fixdate, in English and GMT")
    func format() {
        #expect(HTTPListener.httpDate(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPListener.httpDate(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPListener.httpDate(1_798_761_599) == "Thu, 31 Dec 2026 23:59:59 GMT")
    }

    @Test("responses, found or not, carry Date (now) and Server")
    func headers() async throws {
        let local = ListenAddress(host: "127.0.0.1", port: 0)
        let server = { (onListening: @escaping @Sendable (ListenAddress) async -> Void) in
            AgentHTTPServer(
                metricsAddress: local,
                webhook: nil,
                metrics: { "" },
                onWebhook: {},
                onListening: onListening
            )
        }
        try await withRunningServer(server) { addresses in
            let address = try #require(addresses.first)
            let parser = DateFormatter()
            parser.locale = Locale(identifier: "en_US_POSIX")
            parser.timeZone = TimeZone(identifier: "GMT")
            parser.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            for path in ["/healthz", "/metrics", "/nothing-here"] {
                let response = try await request("GET", path, at: address)
                #expect(response.headers["server"] == "virtsync")
                let date = try #require(response.headers["date"].flatMap(parser.date(from:)), "\(path)")
                #expect(abs(date.timeIntervalSinceNow) < 5, "\(path): \(date)")
            }
        }
    }
}
