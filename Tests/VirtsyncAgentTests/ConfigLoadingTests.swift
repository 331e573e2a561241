import Foundation
import Testing
import VirtsyncAgent
import VirtsyncManifest

@Suite("A valid config file loads")
struct ConfigLoadingTests {
    static let full = """
        connect: qemu+ssh://root@kvm1/system
        mode: report
        prune: true
        stateDir: /srv/virtsync
        allowedPaths: [/srv/images, /srv/iso]
        maxDestroyShare: 0.5
        driftInterval: 10s
        host: {name: "kvm-${hostname}", labels: {role: web, zone: b}}
        paths: ["hosts/${hostname}", "common/", "./shared"]
        source:
          url: https://git.example.com/fleet.git
          ref: v1.2
          interval: 5m
          auth: {tokenFile: /etc/virtsync/token, sshKeyFile: /etc/virtsync/id, knownHostsFile: /etc/virtsync/kh}
          verify: {allowedSigners: /etc/virtsync/signers, gpgKeyring: /etc/virtsync/ring.gpg}
        webhook: {listen: "0.0.0.0:9000", secretFile: /etc/virtsync/webhook}
        metrics: {listen: "[::1]:9100", textfile: /var/lib/prometheus/node-exporter/virtsync.prom}
        """

    @Test("every key of a full file reads as written")
    func fullFile() throws {
        let config = try AgentConfig.parse(text: Self.full, path: "agent.yaml", hostname: "h1")
        #expect(config.connect == "qemu+ssh://root@kvm1/system")
        #expect(config.mode == .report)
        #expect(config.prune)
        #expect(config.stateDirectory == "/srv/virtsync")
        #expect(config.allowedPaths == ["/srv/images", "/srv/iso"])
        #expect(config.maxDestroyShare == 0.5)
        #expect(config.driftInterval == .seconds(10))
        #expect(config.host == HostConfig(name: "kvm-h1", labels: ["role": "web", "zone": "b"]))
        #expect(config.paths == ["hosts/h1", "common", "shared"])
        #expect(config.source.url == "https://git.example.com/fleet.git")
        #expect(config.source.ref == "v1.2")
        #expect(config.source.interval == .seconds(300))
        #expect(
            config.source.auth
                == .init(
                    tokenFile: "/etc/virtsync/token",
                    sshKeyFile: "/etc/virtsync/id",
                    knownHostsFile: "/etc/virtsync/kh"
                )
        )
        #expect(
            config.source.verify == .init(allowedSigners: "/etc/virtsync/signers", gpgKeyring: "/etc/virtsync/ring.gpg")
        )
        #expect(
            config.webhook
                == WebhookConfig(
                    listen: ListenAddress(host: "0.0.0.0", port: 9000),
                    secretFile: "/etc/virtsync/webhook"
                )
        )
        #expect(config.metrics.listen == ListenAddress(host: "::1", port: 9100))
        #expect(config.metrics.listen.description == "[::1]:9100")
        #expect(config.metrics.textfile == "/var/lib/prometheus/node-exporter/virtsync.prom")
    }

    @Test("a file with only source.url takes every default")
    func defaults() throws {
        let config = try AgentConfig.parse(
            text: "source: {url: file:///srv/fleet}\n",
            path: "agent.yaml",
            hostname: "h1"
        )
        var expected = AgentConfig(source: SourceConfig(url: "file:///srv/fleet"))
        expected.host.name = "h1"
        #expect(config == expected)
        #expect(config.connect == "qemu:///system")
        #expect(config.mode == .enforce)
        #expect(!config.prune)
        #expect(config.stateDirectory == "/var/lib/virtsync")
        #expect(config.allowedPaths == ["/var/lib/libvirt/images"])
        #expect(config.maxDestroyShare == 0.3)
        #expect(config.driftInterval == .seconds(30))
        #expect(config.host.labels.isEmpty)
        #expect(config.paths == [""])
        #expect(config.source.ref == "main")
        #expect(config.source.interval == .seconds(60))
        #expect(config.source.auth == .init() && !config.source.verify.isEnabled)
        #expect(config.webhook.listen.description == "127.0.0.1:9292" && !config.webhook.isEnabled)
        #expect(config.metrics.listen.description == "127.0.0.1:9273" && config.metrics.textfile == nil)
    }

    @Test("interval takes seconds, minutes, hours or a bare number of seconds")
    func intervals() throws {
        for (text, seconds) in [("45s", 45), ("2m", 120), ("1h", 3600), ("90", 90)] {
            let config = try AgentConfig.parse(
                text: "source: {url: x, interval: \(text)}",
                path: "a.yaml",
                hostname: "h"
            )
            #expect(config.source.interval == .seconds(seconds), "\(text)")
        }
    }

    @Test("load reads the file from disk")
    func loadFromDisk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-\(UUID().uuidString).yaml")
            .path
        try Data("source: {url: file:///srv/fleet}\nmode: report\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = try AgentConfig.load(path: path, hostname: "h1")
        #expect(config.mode == .report && config.source.url == "file:///srv/fleet")
    }

    @Test("an unreadable file is one error naming it")
    func missingFile() {
        #expect(
            throws: ConfigError([
                .init(
                    .init(file: "/nonexistent/agent.yaml", line: 1, column: 1),
                    key: "",
                    "cannot read the config file"
                )
            ])
        ) {
            try AgentConfig.load(path: "/nonexistent/agent.yaml")
        }
    }
}
