/// The agent's config file (`virtsync run --config FILE`), as values, with the defaults of DESIGN.md
/// "The agent" filled in. Every key is optional but `source.url`.
public struct AgentConfig: Sendable, Hashable {
    /// Whether a reconcile changes the host or only reports the drift it finds.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        case enforce, report
    }

    /// libvirt URI.
    public var connect = "qemu:///system"
    public var mode = Mode.enforce
    /// Remove inventory objects that left git.
    public var prune = false
    /// status.json, the inventory, the lock and the git cache (key `stateDir`).
    public var stateDirectory = "/var/lib/virtsync"
    /// Disk and ISO path prefixes manifests may name (managed pools' targets are added by the planner).
    public var allowedPaths = ["/var/lib/libvirt/images"]
    /// A revision that would destroy more than this share of the managed objects is refused.
    public var maxDestroyShare = 0.3
    public var host = HostConfig()
    /// Directories of the repository this host applies, `${hostname}` expanded; `""` is the root.
    public var paths = [""]
    public var source: SourceConfig
    public var webhook = WebhookConfig()
    public var metrics = MetricsConfig()

    /// A config with every default and the one required value.
    public init(source: SourceConfig) { self.source = source }
}

/// Who this host is to manifests' `metadata.hosts` selectors.
public struct HostConfig: Sendable, Hashable {
    /// `${hostname}` expanded.
    public var name: String
    public var labels: [String: String]

    public init(name: String = "${hostname}", labels: [String: String] = [:]) {
        self.name = name
        self.labels = labels
    }
}

/// The git repository the agent follows.
public struct SourceConfig: Sendable, Hashable {
    /// `file://`, `git://`, `http(s)://`, `ssh://` or scp-style `user@host:path`.
    public var url: String
    /// A branch, tag or commit id.
    public var ref = "main"
    /// The poll interval (jittered by the agent).
    public var interval = Duration.seconds(60)
    /// Refs planned besides `ref` and never applied (pull-request previews).
    public var preview = PreviewConfig()
    public var auth = Auth()
    public var verify = Verify()

    public init(url: String) { self.url = url }

    /// Credentials, each read from a file so no secret sits in the config.
    public struct Auth: Sendable, Hashable {
        public var tokenFile: String?
        public var sshKeyFile: String?
        public var knownHostsFile: String?
        public init(tokenFile: String? = nil, sshKeyFile: String? = nil, knownHostsFile: String? = nil) {
            self.tokenFile = tokenFile
            self.sshKeyFile = sshKeyFile
            self.knownHostsFile = knownHostsFile
        }
    }

    /// The optional commit signature check: an SSH allowed-signers file or a GPG keyring.
    public struct Verify: Sendable, Hashable {
        public var allowedSigners: String?
        public var gpgKeyring: String?
        public init(allowedSigners: String? = nil, gpgKeyring: String? = nil) {
            self.allowedSigners = allowedSigners
            self.gpgKeyring = gpgKeyring
        }

        public var isEnabled: Bool { allowedSigners != nil || gpgKeyring != nil }
    }
}

/// The git webhook endpoint (`POST /webhook`).
public struct WebhookConfig: Sendable, Hashable {
    public var listen = ListenAddress(host: "127.0.0.1", port: 9292)
    /// The shared secret; without one the endpoint is not served, since an unsigned trigger is refused.
    public var secretFile: String?

    public init(listen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 9292), secretFile: String? = nil) {
        self.listen = listen
        self.secretFile = secretFile
    }

    public var isEnabled: Bool { secretFile != nil }
}

/// The Prometheus endpoint (`GET /metrics`) and the optional node-exporter textfile.
public struct MetricsConfig: Sendable, Hashable {
    public var listen = ListenAddress(host: "127.0.0.1", port: 9273)
    public var textfile: String?

    public init(listen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 9273), textfile: String? = nil) {
        self.listen = listen
        self.textfile = textfile
    }
}
