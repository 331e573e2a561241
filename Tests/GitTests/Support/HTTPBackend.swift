import Foundation
import TestSupport

/// `git http-backend` behind a tiny Python HTTP server on 127.0.0.1, optionally demanding a token
/// through basic authentication. (`python3 -m http.server --cgi` cannot pass PATH_INFO.)
final class HTTPBackend {
    let port: Int
    private let server: RunningChild
    private let scriptDirectory: TemporaryDirectory

    /// Serves the repositories under `root`; with `token`, every request needs user `user` and that password.
    init(root: URL, user: String = "", token: String = "") throws {
        scriptDirectory = try TemporaryDirectory(prefix: "virtsync-git")
        let script = scriptDirectory.url.appendingPathComponent("serve.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        server = try ChildProcess("python3", [script.path, root.path, user, token]).start()
        // The script prints the port the kernel gave it once it listens.
        guard let line = server.firstLine(), let port = Int(line) else {
            server.kill()
            scriptDirectory.remove()
            throw Shell.Failure(description: "http backend did not start: \(server.tail())")
        }
        self.port = port
    }

    /// `http://127.0.0.1:<port>/<name>`.
    func url(_ name: String) -> String {
        "http://127.0.0.1:\(port)/\(name)"
    }

    /// Stops the server (and the `git http-backend` it may be running) and removes its script.
    func stop() {
        server.kill()
        scriptDirectory.remove()
    }

    deinit {
        stop()
    }

    private static let script = #"""
        import base64, http.server, subprocess, sys
        root, user, token = sys.argv[1], sys.argv[2], sys.argv[3]

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def authorised(self):
                if not token:
                    return True
                expected = "Basic " + base64.b64encode(f"{user}:{token}".encode()).decode()
                return self.headers.get("Authorization") == expected

            def body(self):
                if self.headers.get("Transfer-Encoding") == "chunked":
                    data = b""
                    while True:
                        size = int(self.rfile.readline().strip(), 16)
                        if size == 0:
                            self.rfile.readline()
                            return data
                        data += self.rfile.read(size)
                        self.rfile.readline()
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def serve(self):
                if not self.authorised():
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="git"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                path, _, query = self.path.partition("?")
                env = {"GIT_PROJECT_ROOT": root, "GIT_HTTP_EXPORT_ALL": "1", "PATH_INFO": path,
                       "QUERY_STRING": query, "REQUEST_METHOD": self.command,
                       "CONTENT_TYPE": self.headers.get("Content-Type", ""), "REMOTE_ADDR": "127.0.0.1"}
                data = self.body() if self.command == "POST" else b""
                env["CONTENT_LENGTH"] = str(len(data))
                out = subprocess.run(["git", "http-backend"], input=data, env=env, capture_output=True).stdout
                head, _, payload = out.partition(b"\r\n\r\n")
                status, headers = 200, []
                for line in head.decode().split("\r\n"):
                    name, _, value = line.partition(": ")
                    if name.lower() == "status":
                        status = int(value.split()[0])
                    elif name:
                        headers.append((name, value))
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = serve
            do_POST = serve

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#
}
