import Foundation
import Logging
import VirtsyncGitSource
import VirtsyncHost
import VirtsyncReport

extension Agent {
    /// The pieces of `source.preview`: the runner `GET /previews` reads, the service that drives it, the
    /// queue webhooks post to and the tap that hears the reconcile's applied revision.
    struct Previews: Sendable {
        let runner: PreviewRunner
        let service: PreviewService
        let queue: TriggerQueue
        let tap: AppliedRevisionTap
    }

    /// Nil when `source.preview.refs` is empty.
    static func previews(
        _ config: AgentConfig,
        reporter: any Reporter,
        logger: Logger,
        connect: @escaping @Sendable () throws -> SyncSession
    ) -> Previews? {
        guard config.source.preview.isEnabled else { return nil }
        let followed = source(config)
        let source = GitPreviewSource(
            url: config.source.url,
            globs: config.source.preview.refs,
            cacheDirectory: (config.stateDirectory as NSString).appendingPathComponent("git"),
            credentials: followed.credentials,
            verifier: followed.verifier
        )
        let runner = PreviewRunner(
            source: source,
            policy: policy(config),
            config: config.source.preview,
            reporter: reporter,
            host: config.host.name,
            labels: config.host.labels,
            logger: logger,
            connect: connect
        )
        let queue = TriggerQueue()
        let tap = AppliedRevisionTap(onChange: { Task { await queue.post(.event) } })
        let service = PreviewService(runner: runner, queue: queue, interval: config.source.interval, base: tap)
        return Previews(runner: runner, service: service, queue: queue, tap: tap)
    }
}
