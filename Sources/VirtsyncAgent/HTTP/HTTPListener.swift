internal import Glibc
internal import Hummingbird
internal import HummingbirdCore
internal import Logging
internal import NIOCore
internal import NIOHTTP1
internal import NIOPosix
public import ServiceLifecycle

/// One listener of `AgentHTTPServer`: Hummingbird's HTTP/1 server answering from a router, as
/// Hummingbird's `Application` runs it, without its date cache.
///
/// `Application` runs a task that formats the `Date` header once a second, for servers that answer
/// thousands of requests a second. The agent answers a scrape every 15 s or so, and that timer was a
/// quarter of its CPU at rest (0.090 % of a core with it, 0.069 % without, docs/benchmark.md): here the
/// header is formatted for each response instead. Everything else is what `Application.run` does: the
/// same server builder, configuration, request context and error handling.
struct HTTPListener: Service {
    let responder: RouterResponder<BasicRequestContext>
    let address: ListenAddress
    let onListening: @Sendable (ListenAddress) async -> Void

    static let serverName = "virtsync"

    init(
        router: Router<BasicRequestContext>,
        address: ListenAddress,
        onListening: @escaping @Sendable (ListenAddress) async -> Void
    ) {
        responder = router.buildResponder()
        self.address = address
        self.onListening = onListening
    }

    func run() async throws {
        let responder = self.responder
        let logger = Logger(label: Self.serverName)
        let address = self.address
        let onListening = self.onListening
        let server = try HTTPServerBuilder.http1().buildServer(
            configuration: ServerConfiguration(
                address: .hostname(address.host, port: address.port),
                serverName: Self.serverName
            ),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: logger
        ) { request, writer, channel in
            let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: channel, logger: logger))
            var response: Response
            do {
                response = try await responder.respond(to: request, context: context)
            } catch let error as HTTPParserError {
                throw error
            } catch {
                response = Response(status: .internalServerError)
            }
            response.headers[.date] = Self.httpDate(time(nil))
            response.headers[.server] = Self.serverName
            do {
                try await writer.write(response: response.head, body: response.body)
            } catch is HTTPParserError {
                // Rethrown as is, the parser error would have the server write a second response.
                throw WriteFailed()
            }
        } onServerRunning: { channel in
            await onListening(ListenAddress(host: address.host, port: channel.localAddress?.port ?? address.port))
        }
        try await server.run()
    }

    private struct WriteFailed: Error {}

    /// RFC 9110's IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`: English names whatever the locale. By
    /// hand: this toolchain's FoundationEssentials has no HTTP date style, and DateFormatter needs ICU.
    static func httpDate(_ seconds: time_t) -> String {
        var clock = seconds
        var parts = tm()
        gmtime_r(&clock, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let date = "\(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900)"
        let time = "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
        return "\(days[Int(parts.tm_wday)]), \(date) \(time) GMT"
    }
}
