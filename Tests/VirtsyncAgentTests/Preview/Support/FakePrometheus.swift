import Foundation
import TestSupport
import Testing

/// Answers `GET /api/v1/query` as Prometheus does, with one series per agent address as its
/// `instance` label, and logs the queries asked: enough for `virtsync preview --prometheus`.
final class FakePrometheus {
    let port: Int
    private let server: RunningChild
    private let log: URL

    init(instances: [String]) throws {
        port = try FreePort.next()
        log = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-prom-\(UUID().uuidString).log")
        let result = instances.map {
            #"{"metric": {"__name__": "virtsync_last_reconcile_timestamp_seconds", "instance": "\#($0)", "job": "virtsync"}, "value": [0, "1"]}"#
        }
        let body =
            #"{"status": "success", "data": {"resultType": "vector", "result": [\#(result.joined(separator: ", "))]}}"#
        let script = """
            import http.server, sys, urllib.parse
            body, log = sys.argv[1].encode(), sys.argv[2]
            class Handler(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    url = urllib.parse.urlparse(self.path)
                    with open(log, "a") as f: f.write(urllib.parse.parse_qs(url.query).get("query", [""])[0] + "\\n")
                    self.send_response(200 if url.path == "/api/v1/query" else 404)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(body)
                def log_message(self, *args): pass
            http.server.HTTPServer(("127.0.0.1", int(sys.argv[3])), Handler).serve_forever()
            """
        server = try ChildProcess("python3", ["-c", script, body, log.path, String(port)]).start()
        let up = poll(timeout: .seconds(10), every: .milliseconds(50)) { FreePort.accepts(self.port) }
        try #require(up, "the stand-in Prometheus did not listen: \(server.tail())")
    }

    var url: String { "http://127.0.0.1:\(port)" }

    func queries() -> [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func stop() {
        server.kill()
        try? FileManager.default.removeItem(at: log)
    }

    deinit { stop() }
}
