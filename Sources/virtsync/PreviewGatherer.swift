import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import VirtsyncReport

/// Asks agents for their previews over HTTP, and a Prometheus server for the agents.
///
/// Foundation's URLSession (libcurl on Linux), not NIO: this executable links libvirt and no other
/// server stack, and a handful of GETs per run need nothing more.
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
            // Foundation's own description is a dump of its userInfo; its localized text is curl's sentence.
            return .failure(GatherError((error as NSError).localizedDescription))
        }
        do {
            return .success(try PreviewReport.decode(data))
        } catch {
            return .failure(GatherError("GET /previews answered, but not with virtsync previews (previews off on this agent?)"))
        }
    }

    /// The `instance` labels of `query`'s series (`/api/v1/query`): the agents Prometheus scrapes.
    func instances(prometheus: String, query: String) async throws -> [String] {
        var components = URLComponents(url: Self.url(prometheus, path: "/api/v1/query"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "query", value: query)]
        let data = try await get(components.url!)
        let answer = try JSONDecoder().decode(PrometheusAnswer.self, from: data)
        guard answer.status == "success" else { throw GatherError("query failed: \(answer.error ?? answer.status)") }
        return Array(Set(answer.data?.result.compactMap { $0.metric["instance"] } ?? [])).sorted()
    }

    private func get(_ url: URL) async throws -> Data {
        var request = URLRequest(url: url)
        request.timeoutInterval = timeout
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        if status == 404, url.path == "/previews" {
            throw GatherError("no /previews there: is source.preview.refs set in that agent's config?")
        }
        guard status == 200 else { throw GatherError("GET \(url.absoluteString): HTTP \(status)") }
        return data
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
