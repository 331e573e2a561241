import Foundation
import TestSupport
import Testing

extension RealHost {
    /// `apply --prune` on the command line, with the agent's guards: four shut-off domains
    /// selected for one host name, then applies that would remove some or all of them.
    @Suite("apply --prune is guarded on the command line")
    struct CLIGuardTests {
        static let names = ["a", "b", "c", "d"]

        /// A shut-off domain selected for `host`.
        static func domain(_ host: HostFixture, _ base: String) -> String {
            """
            apiVersion: virtsync/v1
            kind: Domain
            metadata:
              name: \(host.name(base))
              hosts: ["\(host.prefix)kvm01"]
            spec:
              type: qemu
              memory: 64MiB
              vcpus: 1
              state: shutoff
            """
        }

        /// Writes the four manifests and applies them for host `<prefix>kvm01`.
        static func setUp(_ host: HostFixture) throws {
            for base in names { try host.write("\(base).yaml", domain(host, base)) }
            let applied = cli(host, ["--host-name", "\(host.prefix)kvm01"])
            try #require(applied.status == 0, "first apply: \(applied.error)")
            try #require(defined(host) == Set(names))
        }

        /// `virtsync apply --prune` on the fixture's manifests, stdin not a terminal.
        static func cli(_ host: HostFixture, _ arguments: [String]) -> Shell.Result {
            let binary = (try? AgentProcess.binary().path) ?? "virtsync"
            return Shell.run(
                [
                    binary, "apply", "--prune", "--connect", RealHost.uri, "--state-dir", host.stateDirectory.path,
                    host.manifestDirectory.path,
                ] + arguments
            )
        }

        /// The same on a terminal (a pseudo-terminal from `script`), answering `answer` to the prompt.
        static func cliOnTerminal(_ host: HostFixture, _ arguments: [String], answer: String) -> Shell.Result {
            let binary = (try? AgentProcess.binary().path) ?? "virtsync"
            let command =
                ([
                    binary, "apply", "--prune", "--connect", RealHost.uri, "--state-dir", host.stateDirectory.path,
                    host.manifestDirectory.path,
                ] + arguments).map { "'\($0)'" }.joined(separator: " ")
            return Shell.run(["sh", "-c", "printf '\(answer)\\n' | script -qec \"\(command)\" /dev/null"])
        }

        /// Base names of the fixture's domains that exist.
        static func defined(_ host: HostFixture) -> Set<String> {
            Set(
                Shell.lines(Shell.virsh("list", "--all", "--name")).filter { $0.hasPrefix(host.prefix) }.map {
                    String($0.dropFirst(host.prefix.count))
                }
            )
        }

        @Test("an empty selection (the --host-name forgotten) is refused and destroys nothing")
        func emptySelectionRefused() throws {
            try RealHost.withHost { host in
                try Self.setUp(host)
                let result = Self.cli(
                    host,
                    ["--host-name", "\(host.prefix)other", "--yes", "--max-destroy-share", "1"]
                )
                #expect(result.status == 1)
                #expect(
                    result.error.contains("no manifests select this host ('\(host.prefix)other')"),
                    "\(result.error)"
                )
                #expect(Self.defined(host) == Set(Self.names))
            }
        }

        @Test("destroying more than --max-destroy-share (default 0.3) is refused; a higher share lets it through")
        func destroyShare() throws {
            try RealHost.withHost { host in
                try Self.setUp(host)
                for base in ["c", "d"] {
                    try FileManager.default.removeItem(
                        at: host.manifestDirectory.appendingPathComponent("\(base).yaml")
                    )
                }
                let refused = Self.cli(host, ["--host-name", "\(host.prefix)kvm01", "--yes"])
                #expect(refused.status == 1)
                #expect(
                    refused.error.contains("it would destroy 2 of 4 managed objects, more than the allowed share 0.3"),
                    "\(refused.error)"
                )
                #expect(Self.defined(host) == Set(Self.names))
                let tooLow = Self.cli(
                    host,
                    ["--host-name", "\(host.prefix)kvm01", "--yes", "--max-destroy-share", "0.4"]
                )
                #expect(tooLow.status == 1 && Self.defined(host) == Set(Self.names))
                let allowed = Self.cli(
                    host,
                    ["--host-name", "\(host.prefix)kvm01", "--yes", "--max-destroy-share", "0.5"]
                )
                #expect(allowed.status == 0, "\(allowed.error)")
                #expect(Self.defined(host) == ["a", "b"])
                #expect(Self.cli(host, ["--max-destroy-share", "1.5"]).status != 0, "a share above 1 is a usage error")
            }
        }

        @Test("without a terminal, destroys within the limit are listed and done without asking")
        func noTerminalProceeds() throws {
            try RealHost.withHost { host in
                try Self.setUp(host)
                try FileManager.default.removeItem(at: host.manifestDirectory.appendingPathComponent("d.yaml"))
                let result = Self.cli(host, ["--host-name", "\(host.prefix)kvm01"])
                #expect(result.status == 0, "\(result.error)")
                #expect(
                    result.error.contains("- Domain/\(host.name("d"))") || result.error.contains(host.name("d")),
                    "\(result.error)"
                )
                #expect(result.error.contains("no terminal to confirm on"), "\(result.error)")
                #expect(Self.defined(host) == ["a", "b", "c"])
            }
        }

        @Test("on a terminal destroys are confirmed: 'no' cancels, 'yes' and --yes go on")
        func terminalConfirms() throws {
            try RealHost.withHost { host in
                try Self.setUp(host)
                try FileManager.default.removeItem(at: host.manifestDirectory.appendingPathComponent("d.yaml"))
                let declined = Self.cliOnTerminal(host, ["--host-name", "\(host.prefix)kvm01"], answer: "no")
                #expect(declined.output.contains("Destroy them?"), "\(declined.output)")
                #expect(declined.output.contains("apply cancelled"), "\(declined.output)")
                #expect(Self.defined(host) == Set(Self.names))
                let confirmed = Self.cliOnTerminal(host, ["--host-name", "\(host.prefix)kvm01"], answer: "yes")
                #expect(confirmed.succeeded, "\(confirmed.output)")
                #expect(Self.defined(host) == ["a", "b", "c"])
                try FileManager.default.removeItem(at: host.manifestDirectory.appendingPathComponent("c.yaml"))
                let yes = Self.cliOnTerminal(
                    host,
                    ["--host-name", "\(host.prefix)kvm01", "--yes", "--max-destroy-share", "0.5"],
                    answer: ""
                )
                #expect(yes.succeeded && !yes.output.contains("Destroy them?"), "\(yes.output)")
                #expect(Self.defined(host) == ["a", "b"])
            }
        }
    }
}
