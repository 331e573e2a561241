import Foundation
import Git
import Libvirt
public import Logging
public import ServiceLifecycle
import VirtsyncGitSource
import VirtsyncHost
import VirtsyncImages
import VirtsyncJournal
import VirtsyncReport
import VirtsyncSource

/// The agent put together from its config: one place that says which pieces run and how they meet.
public struct Agent: Sendable {
    public let reconciler: Reconciler
    /// The reconcile loop, the libvirt event watcher and the HTTP endpoints, for one `ServiceGroup`.
    public let services: [any Service]
    let lock: HostLock

    /// - Parameter afterFirstPass: called once the first reconcile is done (the executable hands start-up's
    ///   memory back there).
    public init(config: AgentConfig, logger: Logger, afterFirstPass: @escaping @Sendable () -> Void = {}) throws {
        lock = try HostLock(stateDirectory: config.stateDirectory)
        try LibvirtEventLoop.shared.start()
        let statusPath = StatusFile.path(stateDirectory: config.stateDirectory)
        let connect: @Sendable () throws -> SyncSession = {
            try SyncSession(uri: config.connect, stateDirectory: config.stateDirectory) { id, progress in
                logger.info(
                    "downloading image",
                    metadata: [
                        "object": "\(id)", "url": "\(progress.url)", "progress": "\(DownloadLine.describe(progress))",
                    ]
                )
                let download = DownloadStatus(
                    object: id,
                    url: progress.url,
                    receivedBytes: progress.received,
                    totalBytes: progress.total,
                    updatedAt: Date()
                )
                StatusFile.recordDownload(download, path: statusPath)
            }
        }
        let metrics = MetricsReporter(textfile: config.metrics.textfile, logger: logger)
        let reporting: [any Reporter] = [
            JournalReporter(logger: logger), StatusFileReporter(path: statusPath, logger: logger), metrics,
        ]
        let previews = Self.previews(config, reporter: Reporters(all: reporting), logger: logger, connect: connect)
        let reporters = Reporters(all: reporting + (previews.map { [$0.tap] } ?? []))
        reconciler = Reconciler(
            source: Self.source(config),
            session: try connect(),
            policy: Self.policy(config),
            reporter: reporters,
            status: Self.initialStatus(config, path: statusPath),
            appliedPath: (config.stateDirectory as NSString).appendingPathComponent("applied.json"),
            healthDirectory: config.stateDirectory
        )
        let queue = TriggerQueue()
        let verifier = try config.webhook.secretFile.map { path in try WebhookVerifier(secretFile: path) }
        let previewQueue = previews?.queue
        let previewReport: (@Sendable () -> PreviewReport)? = previews.map { previews in
            { @Sendable in previews.runner.report() }
        }
        var services: [any Service] = [
            AgentService(
                reconciler: reconciler,
                queue: queue,
                interval: config.source.interval,
                driftInterval: config.driftInterval,
                logger: logger,
                afterFirstPass: afterFirstPass
            ),
            EventWatcher(reconciler: reconciler, queue: queue, connect: connect, logger: logger),
            HostFileWatcher(uri: config.connect, reconciler: reconciler, queue: queue, logger: logger),
            AgentHTTPServer(
                config: config,
                verifier: verifier,
                metrics: { metrics.exposition() },
                onWebhook: {
                    await queue.post(.webhook)
                    await previewQueue?.post(.webhook)
                },
                onRejected: { rejection in logger.warning("webhook refused", metadata: ["reason": "\(rejection)"]) },
                previews: previewReport
            ),
        ]
        if let previews { services.append(previews.service) }
        self.services = services
    }

    static func policy(_ config: AgentConfig) -> ReconcilePolicy {
        ReconcilePolicy(
            mode: config.mode == .report ? .report : .enforce,
            prune: config.prune,
            maxDestroyShare: config.maxDestroyShare,
            allowedPaths: config.allowedPaths,
            paths: config.paths,
            selector: config.hostSelector
        )
    }

    static func source(_ config: AgentConfig) -> GitSource {
        let auth = config.source.auth
        let verify = config.source.verify
        return GitSource(
            url: config.source.url,
            ref: config.source.ref,
            cacheDirectory: (config.stateDirectory as NSString).appendingPathComponent("git"),
            credentials: {
                if let tokenFile = auth.tokenFile {
                    let token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(
                        in: .whitespacesAndNewlines
                    )
                    return FetchOptions(credentials: .token(HTTPSToken(token: token)))
                }
                if let key = auth.sshKeyFile {
                    let knownHosts = auth.knownHostsFile ?? NSString(string: "~/.ssh/known_hosts").expandingTildeInPath
                    return FetchOptions(credentials: .sshKey(SSHKey(privateKeyPath: key, knownHostsPath: knownHosts)))
                }
                return FetchOptions()
            },
            verifier: verify.isEnabled
                ? CommitVerifier(allowedSigners: verify.allowedSigners, gpgKeyring: verify.gpgKeyring) : nil
        )
    }

    /// The last status file, so history and the last applied revision survive a restart.
    static func initialStatus(_ config: AgentConfig, path: String) -> AgentStatus {
        var status =
            (try? StatusFile.load(path: path))
            ?? AgentStatus(
                host: config.host.name,
                mode: config.mode.rawValue,
                source: .init(url: config.source.url, ref: config.source.ref)
            )
        status.mode = config.mode.rawValue
        status.source = .init(url: config.source.url, ref: config.source.ref)
        return status
    }
}
