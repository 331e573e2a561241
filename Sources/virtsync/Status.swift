import ArgumentParser
import VirtsyncReport

extension Virtsync {
    /// `virtsync status`: the agent's status file, for people or as JSON.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show what the agent last did and each object's state."
        )

        @Option(help: "Directory of the agent's status file.")
        var stateDir = "/var/lib/virtsync"

        @Option(help: "text or json.")
        var output: OutputFormat = .text

        func run() async throws {
            let status: AgentStatus
            do {
                status = try StatusFile.load(path: StatusFile.path(stateDirectory: stateDir))
            } catch {
                Console.err("error: \(error)")
                throw ExitCode.failure
            }
            switch output {
            case .text: Console.out(StatusPrinter.text(status), terminator: "")
            case .json: Console.out(String(decoding: try StatusFile.encode(status), as: UTF8.self))
            }
        }
    }
}
