internal import Foundation
internal import VirtsyncManifest
internal import Yams

extension AgentConfig {
    /// Reads and parses the config file; `hostname` replaces the system host name in `${hostname}`.
    public static func load(path: String, hostname: String? = nil) throws(ConfigError) -> AgentConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError([.init(.init(file: path, line: 1, column: 1), key: "", "cannot read the config file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError([
                .init(.init(file: path, line: 1, column: 1), key: "", "the config file is not UTF-8 text")
            ])
        }
        return try parse(text: text, path: path, hostname: hostname)
    }

    /// Parses config text; `path` only names the file in messages. Throws every problem found at once.
    public static func parse(text: String, path: String, hostname: String? = nil) throws(ConfigError) -> AgentConfig {
        let state = DecodingState(file: path, dialect: .config)
        var root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            state.reportConfigSyntax(error)
        } catch {
            state.error(at: nil, "", "YAML syntax error: \(error)")
        }
        var config: AgentConfig?
        if state.errorCount == 0 {
            let node = Field(node: root ?? Node("", Tag(.null), .plain), path: "", anchor: nil, state: state)
            let expander = HostnameExpander(hostname: hostname ?? SystemHostname.current())
            config = ConfigDecoder(expander: expander).decode(node)
        }
        let diagnostics = state.configDiagnostics
        guard diagnostics.isEmpty, let config else {
            // Walk order is not file order (source.url is read first); a reader wants file order.
            throw ConfigError(
                diagnostics.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
            )
        }
        return config
    }
}

/// The walk from the YAML tree to `AgentConfig`: defaults stay where a key is absent.
private struct ConfigDecoder {
    let expander: HostnameExpander

    static let keys = [
        "connect", "mode", "prune", "stateDir", "allowedPaths", "maxDestroyShare", "driftInterval", "host", "paths",
        "source",
        "webhook", "metrics",
    ]

    func decode(_ node: Field) -> AgentConfig? {
        guard let top = node.mapping(Self.keys) else { return nil }
        let sourceNode = top.optional("source")
        if sourceNode == nil {
            node.state.error(at: nil, "source.url", "required key is missing")
        }
        var config = AgentConfig(source: sourceNode.flatMap(source) ?? SourceConfig(url: ""))
        top.optional("connect").flatMap { $0.nonEmptyString() }.map { config.connect = $0 }
        top.optional("mode").flatMap { $0.choice(AgentConfig.Mode.self, suggest: true) }.map { config.mode = $0 }
        top.optional("prune").flatMap { $0.resolvedBool() }.map { config.prune = $0 }
        top.optional("stateDir").flatMap(absolutePath).map { config.stateDirectory = $0 }
        top.optional("allowedPaths").flatMap(absolutePaths).map { config.allowedPaths = $0 }
        top.optional("maxDestroyShare").flatMap { $0.share() }.map { config.maxDestroyShare = $0 }
        top.optional("driftInterval").flatMap { $0.duration() }.map { config.driftInterval = $0 }
        top.optional("host").flatMap(host).map { config.host = $0 }
        if top.optional("host") == nil, let name = expander.expand(config.host.name, in: node) {
            config.host.name = name
        }
        top.optional("paths").flatMap(paths).map { config.paths = $0 }
        top.optional("webhook").flatMap(webhook).map { config.webhook = $0 }
        top.optional("metrics").flatMap(metrics).map { config.metrics = $0 }
        return config
    }

    private func host(_ node: Field) -> HostConfig? {
        guard let members = node.mapping(["name", "labels"]) else { return nil }
        var host = HostConfig()
        if let nameNode = members.optional("name") {
            host.name = nameNode.nonEmptyString().flatMap { expander.expand($0, in: nameNode) } ?? ""
        } else {
            host.name = expander.expand(host.name, in: node) ?? ""
        }
        members.optional("labels").flatMap { $0.stringMap() }.map { host.labels = $0 }
        return host
    }

    /// Repository-relative directories: `hosts/${hostname}`, `common`, `""` or `.` for the root.
    private func paths(_ node: Field) -> [String]? {
        guard let items = node.list() else { return nil }
        let values = items.map { item -> String? in
            guard let text = item.string().flatMap({ expander.expand($0, in: item) }) else { return nil }
            let parts = text.split(separator: "/").filter { $0 != "." }
            guard !text.hasPrefix("/"), !parts.contains("..") else {
                return item.mismatch("a directory inside the repository such as hosts/${hostname}")
            }
            return parts.joined(separator: "/")
        }
        return values.contains(nil) ? nil : values.compactMap { $0 }
    }

    private func source(_ node: Field) -> SourceConfig? {
        guard let members = node.mapping(["url", "ref", "interval", "preview", "auth", "verify"]) else { return nil }
        // Read on without a URL, so the other keys' problems are reported in the same pass.
        let url = members.required("url")?.nonEmptyString()
        var source = SourceConfig(url: url ?? "")
        members.optional("ref").flatMap { $0.nonEmptyString() }.map { source.ref = $0 }
        members.optional("interval").flatMap { $0.duration() }.map { source.interval = $0 }
        members.optional("preview").flatMap { $0.previewConfig() }.map { source.preview = $0 }
        if let auth = members.optional("auth")?.mapping(["tokenFile", "sshKeyFile", "knownHostsFile"]) {
            source.auth.tokenFile = auth.optional("tokenFile").flatMap(absolutePath)
            source.auth.sshKeyFile = auth.optional("sshKeyFile").flatMap(absolutePath)
            source.auth.knownHostsFile = auth.optional("knownHostsFile").flatMap(absolutePath)
        }
        if let verify = members.optional("verify")?.mapping(["allowedSigners", "gpgKeyring"]) {
            source.verify.allowedSigners = verify.optional("allowedSigners").flatMap(absolutePath)
            source.verify.gpgKeyring = verify.optional("gpgKeyring").flatMap(absolutePath)
        }
        return url == nil ? nil : source
    }

    private func webhook(_ node: Field) -> WebhookConfig? {
        guard let members = node.mapping(["listen", "secretFile"]) else { return nil }
        var webhook = WebhookConfig()
        members.optional("listen").flatMap { $0.listenAddress() }.map { webhook.listen = $0 }
        webhook.secretFile = members.optional("secretFile").flatMap(absolutePath)
        return webhook
    }

    private func metrics(_ node: Field) -> MetricsConfig? {
        guard let members = node.mapping(["listen", "textfile"]) else { return nil }
        var metrics = MetricsConfig()
        members.optional("listen").flatMap { $0.listenAddress() }.map { metrics.listen = $0 }
        metrics.textfile = members.optional("textfile").flatMap(absolutePath)
        return metrics
    }

    /// The agent runs from `/` under systemd, so a relative path would mean something surprising.
    private func absolutePath(_ node: Field) -> String? {
        guard let text = node.nonEmptyString() else { return nil }
        guard text.hasPrefix("/") else { return node.mismatch("an absolute path") }
        return text
    }

    private func absolutePaths(_ node: Field) -> [String]? {
        guard let items = node.list() else { return nil }
        let values = items.map(absolutePath)
        return values.contains(nil) ? nil : values.compactMap { $0 }
    }
}
