import Dispatch
import Foundation

/// The benchmark proper: for each size, times virtsync's apply and plan and their floors, then prints the table.
struct BenchRun {
    var options: BenchOptions

    func run() throws {
        let table = options.parts.contains(.table)
        let binary = table ? options.binary : agentPath
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw UsageError("no executable at \(binary) (build it, or pass --binary)")
        }
        let fixture = try BenchFixture(uri: options.uri, touchesLibvirt: table)
        let signals = Self.cleanUpOnSignal(fixture)
        defer {
            fixture.tearDown()
            for signal in signals { signal.cancel() }
        }
        if table {
            Progress.note("virtsync-bench: \(options.binary) against \(options.uri), prefix \(fixture.prefix)")
            var rows: [Measurement] = []
            for size in options.sizes {
                rows += try measure(size: size, fixture: fixture)
            }
            print(Table(rows: rows).render(), terminator: "")
        }
        // `--idle 0` skips both agent lines, as before `--only` existed.
        guard options.idleSeconds > 0 else { return }
        if options.parts.contains(.idle) { try measureIdleAgent(fixture: fixture) }
        if options.parts.contains(.drift) { try measureDriftPass(fixture: fixture) }
    }

    /// `virtsync-agent` beside the `virtsync` binary.
    private var agentPath: String {
        URL(fileURLWithPath: options.binary).deletingLastPathComponent().appendingPathComponent("virtsync-agent").path
    }

    /// The idle agent's line under the table: at rest with 50 objects.
    private func measureIdleAgent(fixture: BenchFixture) throws {
        let idle = IdleAgent(agent: agentPath, wrapper: options.agentWrapper, seconds: options.idleSeconds)
        Progress.note("idle agent: \(idle.objects) managed objects on test:///default, \(idle.seconds) s")
        let figures = try idle.measure(in: try fixture.subdirectory("idle"))
        print(
            String(
                format:
                    "idle agent (%d managed objects, %d s, %d drift passes, %d scrapes): RSS %.1f MiB (anonymous %.1f, file-backed %.1f, the binary's code %.1f), highest %.1f MiB; CPU %.3f %% of a core; %d threads",
                idle.objects,
                idle.seconds,
                figures.driftPasses,
                figures.scrapes,
                figures.end.rss,
                figures.end.anon,
                figures.end.file,
                figures.codeRSS,
                figures.peakRSS,
                figures.cpuShare * 100,
                figures.end.threads
            )
        )
    }

    /// The CPU of one drift pass at 500 domains.
    private func measureDriftPass(fixture: BenchFixture) throws {
        let drift = DriftCost(agent: agentPath)
        Progress.note(
            "drift passes: \(drift.domains) domains on test:///default, driftInterval \(drift.driftInterval) s, \(drift.seconds) s"
        )
        let cost = try drift.measure(in: try fixture.subdirectory("drift"))
        print(
            String(
                format: "drift pass (%d domains, test driver in process): %.3f s CPU each (%d passes)",
                drift.domains,
                cost.cpuPerPass,
                cost.passes
            )
        )
    }

    /// The three rows of one size; the repetitions interleave virtsync and floor so drift hits both alike.
    private func measure(size: Int, fixture: BenchFixture) throws -> [Measurement] {
        let manifests = try fixture.writeManifests(count: size).path
        let steps = BenchSteps(options: options, fixture: fixture, manifests: manifests, size: size)
        var first = Measurement(size: size, kind: .applyFirst)
        var apply = Measurement(size: size, kind: .applyNoop)
        var plan = Measurement(size: size, kind: .planNoop)
        var cold = Measurement(size: size, kind: .planCold)
        for repetition in 1...options.repetitions {
            Progress.note("N=\(size) repetition \(repetition)/\(options.repetitions)")
            try fixture.reset()
            first.virtsync.append(try steps.virtsync("apply"))
            for _ in 1...options.rounds {
                apply.virtsync.append(try steps.virtsync("apply"))
                plan.virtsync.append(try steps.virtsync("plan"))
                try? FileManager.default.removeItem(at: fixture.stateDirectory.appendingPathComponent("verdicts"))
                cold.virtsync.append(try steps.virtsync("plan"))
                let read = try steps.floorRead()
                apply.floor.append(read)
                plan.floor.append(read)
                cold.floor.append(read)
            }
            try steps.expectDomains(size, left: "virtsync apply")
            first.floor.append(try steps.floorDefine())
            try steps.expectDomains(size, left: "floor-define")
        }
        return [first, apply, plan, cold]
    }

    /// Stops the running child and removes the run's objects on SIGINT or SIGTERM, then exits.
    private static func cleanUpOnSignal(_ fixture: BenchFixture) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                ChildCommand.stopRunning()
                fixture.tearDown()
                exit(130)
            }
            source.resume()
            return source
        }
    }
}

/// The child commands of one size, each timed, with their logs in the run's directory.
struct BenchSteps {
    var options: BenchOptions
    var fixture: BenchFixture
    var manifests: String
    var size: Int

    func virtsync(_ verb: String) throws -> Sample {
        let arguments = [verb, "--connect", options.uri, "--state-dir", fixture.stateDirectory.path, manifests]
        return try ChildCommand(executable: options.binary, arguments: arguments, log: log(verb)).timed()
    }

    func floorDefine() throws -> Sample {
        try floor(["floor-define", String(size), fixture.prefix])
    }

    func floorRead() throws -> Sample {
        try floor(["floor-read", fixture.prefix])
    }

    /// Undefines the run's domains (untimed) and checks that the step before left exactly `count` of them.
    func expectDomains(_ count: Int, left step: String) throws {
        let removed = try fixture.reset()
        guard removed == count else { throw UsageError("\(step) left \(removed) domains, expected \(count)") }
    }

    private func floor(_ arguments: [String]) throws -> Sample {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let command = ChildCommand(
            executable: me,
            arguments: arguments + ["--connect", options.uri],
            log: log(arguments[0])
        )
        return try command.timed()
    }

    private func log(_ name: String) -> URL { fixture.directory.appendingPathComponent("\(name)-\(size).log") }
}
