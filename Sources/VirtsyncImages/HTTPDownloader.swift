import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import VirtsyncManifest

/// Downloads one `http://` or `https://` URL into a sink with async-http-client: system CAs or a CA file,
/// redirects followed, and a stall (no data for `stallSeconds`) is a timeout rather than a hang.
///
/// Synchronous on purpose: the plan applier is. The transfer runs on an event loop of its own and the
/// caller waits on its future, so no thread of Swift's concurrency pool is blocked or needed (a caller
/// on that pool waiting for a Task there could starve it).
struct HTTPDownloader {
    var timeouts: ImageTimeouts

    func download(
        _ request: ImageRequest,
        to path: String,
        progress: @escaping @Sendable (DownloadProgress) -> Void
    ) throws(ImageError) -> (sha256: String, bytes: Int64) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile = request.caFile { tls.trustRoots = .file(caFile) }
        let configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .follow(max: 5, allowCycles: false),
            timeout: .init(
                connect: .seconds(Int64(timeouts.connectSeconds)),
                read: .seconds(Int64(timeouts.stallSeconds))
            )
        )
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let client = HTTPClient(eventLoopGroupProvider: .shared(group), configuration: configuration)
        defer {
            try? client.syncShutdown()
            try? group.syncShutdownGracefully()
        }
        do {
            let delegate = SinkDelegate(request: request, path: path, progress: progress)
            let task = client.execute(request: try HTTPClient.Request(url: request.url), delegate: delegate)
            return try task.wait()
        } catch {
            throw classify(error, url: request.url)
        }
    }

    /// async-http-client's errors in the words an operator needs.
    private func classify(_ error: any Error, url: String) -> ImageError {
        if let error = error as? ImageError { return error }
        if let error = error as? HTTPClientError {
            switch error {
            case .readTimeout, .deadlineExceeded, .connectTimeout:
                return .timeout(url: url, seconds: timeouts.stallSeconds)
            case .remoteConnectionClosed:
                return .transfer(
                    url: url,
                    reason: "the server closed the connection before the end of the body (truncated)"
                )
            default:
                break
            }
        }
        return .transfer(url: url, reason: "\(error)")
    }
}

/// Writes the body into a `DownloadSink` as it arrives, on the download's own event loop.
// @unchecked Sendable: async-http-client calls a delegate on the one event loop of its task, in order,
// and the waiting thread reads nothing of it but the task's result.
private final class SinkDelegate: HTTPClientResponseDelegate, @unchecked Sendable {
    typealias Response = (sha256: String, bytes: Int64)

    let request: ImageRequest
    let path: String
    let progress: @Sendable (DownloadProgress) -> Void
    private var sink: DownloadSink?
    private var expected: Int64?

    init(request: ImageRequest, path: String, progress: @escaping @Sendable (DownloadProgress) -> Void) {
        self.request = request
        self.path = path
        self.progress = progress
    }

    func didReceiveHead(task: HTTPClient.Task<Response>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        guard head.status == .ok else {
            return task.eventLoop.makeFailedFuture(ImageError.http(url: request.url, status: Int(head.status.code)))
        }
        expected = head.headers.first(name: "content-length").flatMap { Int64($0) }
        do {
            sink = try DownloadSink(path: path, url: request.url, total: expected, progress: progress)
        } catch {
            return task.eventLoop.makeFailedFuture(error)
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Response>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        do {
            try sink?.write(Data(buffer.readableBytesView))
        } catch {
            return task.eventLoop.makeFailedFuture(error)
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<Response>) throws -> Response {
        guard let sink else { throw ImageError.transfer(url: request.url, reason: "no response") }
        if let expected, sink.received != expected {
            throw ImageError.truncated(url: request.url, received: sink.received, expected: expected)
        }
        return (try sink.finish(), sink.received)
    }
}
