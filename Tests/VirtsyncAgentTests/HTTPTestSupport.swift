import Foundation
import VirtsyncAgent

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs a server on real sockets until `body` returns, handing it the bound addresses in the order the
/// listeners came up. A server that stops early ends the wait, so a failure to bind cannot hang a test.
func withRunningServer(
    listeners: Int = 1,
    _ make: (@escaping @Sendable (ListenAddress) async -> Void) -> AgentHTTPServer,
    _ body: ([ListenAddress]) async throws -> Void
) async throws {
    let (stream, continuation) = AsyncStream.makeStream(of: ListenAddress.self)
    let server = make { continuation.yield($0) }
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { continuation.finish() }
            try await server.run()
        }
        var addresses: [ListenAddress] = []
        for await address in stream {
            addresses.append(address)
            if addresses.count == listeners { break }
        }
        try await body(addresses)
        group.cancelAll()
    }
}

/// The status, body and headers of one request to `address`.
func request(
    _ method: String,
    _ path: String,
    at address: ListenAddress,
    body: String = "",
    headers: [String: String] = [:]
) async throws -> (status: Int, body: String, headers: [String: String]) {
    var request = URLRequest(url: URL(string: "http://\(address)\(path)")!)
    request.httpMethod = method
    if method == "POST" { request.httpBody = Data(body.utf8) }
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as! HTTPURLResponse
    let fields = Dictionary(
        uniqueKeysWithValues: http.allHeaderFields.map { ("\($0.key)".lowercased(), "\($0.value)") }
    )
    return (http.statusCode, String(decoding: data, as: UTF8.self), fields)
}

/// How many times a closure of the server was called.
actor CallCount {
    private(set) var value = 0
    func increment() { value += 1 }
}
