import ArgumentParser

extension Virtsync {
    /// `virtsync run --config FILE`: the agent. The process becomes `virtsync-agent` (installed beside
    /// `virtsync`), so under systemd the same PID carries on (`Type=notify`, the watchdog) while the other
    /// verbs stay free of libgit2, libsystemd and the HTTP server. `--once` reconciles once and exits like
    /// plan (0 in sync or applied, 2 drift left unrepaired, 1 error).
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run the agent: track a git repository and keep this host in sync."
        )

        @Option(help: "The agent's config file.")
        var config = "/etc/virtsync/config.yaml"

        @Flag(help: "Reconcile once and exit.")
        var once = false

        func run() throws {
            try Console.becomeAgent(arguments: ["--config", config] + (once ? ["--once"] : []))
        }
    }
}
