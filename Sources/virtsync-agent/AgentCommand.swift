import ArgumentParser
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals
import VirtsyncAgent
import VirtsyncBuildInfo
import VirtsyncJournal
import VirtsyncReport

/// The agent, as `virtsync run --config FILE` starts it (that verb hands its process over to this
/// executable). `--once` reconciles once and exits like plan (0 in sync or applied, 2 drift left
/// unrepaired, 1 error).
@main
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "virtsync run",
        abstract: "Run the agent: track a git repository and keep this host in sync.",
        version: BuildInfo.description
    )

    @Option(help: "The agent's config file.")
    var config = "/etc/virtsync/config.yaml"

    @Flag(help: "Reconcile once and exit.")
    var once = false

    func run() async throws {
        // Code is mapped page by page from here on, not in 64 KiB windows (FaultAround).
        let faultAround = FaultAround.disable()
        // The HTTP endpoints (metrics, webhook) take a few requests a minute: one event loop thread serves
        // them. NIO's default is one thread per core, each with its own stack and malloc arena, which on a
        // 64-core KVM host is 64 idle threads. Set once, before anything uses NIO's singleton group.
        NIOSingletons.groupLoopCountSuggestion = 1
        let settings: AgentConfig
        do {
            settings = try AgentConfig.load(path: config)
        } catch {
            Self.err("\(error)")
            throw ExitCode.failure
        }
        LoggingSystem.bootstrap { label in
            // Under systemd the agent's own logs go to journald with the events; elsewhere to stderr.
            if FileManager.default.fileExists(atPath: "/run/systemd/journal/socket") {
                return JournalLogHandler(label: label)
            }
            return StreamLogHandler.standardError(label: label)
        }
        let logger = Logger(label: "virtsync")
        if case .failure(let refusal) = faultAround {
            logger.debug("code is mapped in the kernel's fault-around windows", metadata: ["reason": "\(refusal)"])
        }
        let agent: Agent
        do {
            // After the first pass, the pages only start-up touched are handed back (StartupPages), and
            // the libraries loaded meanwhile are mapped page by page too.
            agent = try Agent(
                config: settings,
                logger: logger,
                afterFirstPass: {
                    FaultAround.disable()
                    StartupPages.release()
                }
            )
        } catch {
            Self.err("error: \(error)")
            throw ExitCode.failure
        }
        if once {
            let summary = await agent.reconciler.reconcile(.start)
            print("\(summary.result.rawValue): \(summary.changes) changes, \(summary.failures) failures")
            switch summary.result {
            case .inSync, .applied: return
            case .drifted: throw ExitCode(2)
            case .failed, .refused, .sourceFailed, .rolledBack: throw ExitCode.failure
            }
        }
        let group = ServiceGroup(
            services: agent.services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        try await group.run()
    }

    private static func err(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
