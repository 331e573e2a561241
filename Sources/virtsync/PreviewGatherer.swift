import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import VirtsyncReport

/// Asks agents for their previews over HTTP, and a Prometheus server for the agents.
///
/// async-http-client, the one HTTP client this executable already links (images by URL): Foundation's
/// URLSession would add FoundationNetworking and libcurl to the static release binary for a few GETs.
struct PreviewGatherer {
    let timeout: Double

    /// Every agent's `GET /previews`, in parallel; an agent that cannot be asked is an answer too.
    func reports(_ addresses: [String]) async -> [PreviewTable.Answer] {
        await withTaskGroup(of: (Int, PreviewTable.Answer).self) { group in
            for (index, address) in addresses.enumerated() {
                group.addTask { (index, (address, await report(address))) }
            }
            var answers: [(Int, PreviewTable.Answer)] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    private func report(_ address: String) async -> Result<PreviewReport, any Error> {
        let data: Data
        do {
            data = try await get(Self.url(address, path: "/previews"))
        } catch let error as GatherError {
            return .failure(error)
        } catch {
            return .failure(GatherError("GET \(address)/previews: \(error)"))
        }
        do {
            return .success(try PreviewReport.decode(data))
        } catch {
            return .failure(
                GatherError("GET /previews answered, but not with virtsync previews (previews off on this agent?)")
            )
        }
    }

    /// The `instance` labels of `query`'s series (`/api/v1/query`): the agents Prometheus scrapes.
    func instances(prometheus: String, query: String) async throws -> [String] {
        var components = URLComponents(
            url: Self.url(prometheus, path: "/api/v1/query"),
            resolvingAgainstBaseURL: false
        )!
        components.queryItems = [URLQueryItem(name: "query", value: query)]
        let data = try await get(components.url!)
        let answer = try JSONDecoder().decode(PrometheusAnswer.self, from: data)
        guard answer.status == "success" else { throw GatherError("query failed: \(answer.error ?? answer.status)") }
        return Array(Set(answer.data?.result.compactMap { $0.metric["instance"] } ?? [])).sorted()
    }

    private func get(_ url: URL) async throws -> Data {
        let request = HTTPClientRequest(url: url.absoluteString)
        let deadline = TimeAmount.milliseconds(Int64(timeout * 1000))
        let response = try await HTTPClient.shared.execute(request, timeout: deadline)
        let status = Int(response.status.code)
        if status == 404, url.path == "/previews" {
            throw GatherError("no /previews there: is source.preview.refs set in that agent's config?")
        }
        guard status == 200 else { throw GatherError("GET \(url.absoluteString): HTTP \(status)") }
        // Previews of a fleet's pull requests are kilobytes; 64 MiB is a wrong server, not an answer.
        let body = try await response.body.collect(upTo: 64 << 20)
        return Data(body.readableBytesView)
    }

    /// `HOST:PORT` (as Prometheus' `instance` says) or a URL, with `path` put after it.
    static func url(_ address: String, path: String) -> URL {
        let base = address.contains("://") ? address : "http://\(address)"
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        return URL(string: trimmed + path) ?? URL(string: "http://invalid.invalid")!
    }

    private struct PrometheusAnswer: Decodable {
        struct Data: Decodable { var result: [Series] }
        struct Series: Decodable { var metric: [String: String] }
        var status: String
        var data: Data?
        var error: String?
    }
}

struct GatherError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
