import ArgumentParser
import Foundation
import VirtsyncReport

extension Virtsync {
    /// `virtsync preview --ref REF`: every host's plan of a pull request's ref, as one table.
    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preview",
            abstract: "Gather every host's preview of a ref (a pull request) into one table.",
            discussion: """
                Each agent with source.preview.refs plans matching refs without applying them and serves the \
                result on GET /previews (metrics listener). Name the agents with --agent, or let a Prometheus \
                server that scrapes them name them (--prometheus). Exit 0 when no host would restart, replace \
                or destroy anything, 2 when one would, 1 when a host would refuse the revision or could not be \
                asked. Hosts that have not planned the revision yet are named; --wait waits for them.
                """
        )

        @Option(help: "The ref, e.g. refs/pull/12/head.")
        var ref: String

        @Option(help: "The commit the ref should be at (the pull request's head); default: the one most hosts planned.")
        var revision: String?

        @Option(
            name: .customLong("agent"),
            help: "An agent's metrics address (HOST:PORT or URL); repeat for each host."
        )
        var agents: [String] = []

        @Option(help: "A Prometheus server's URL: its scrape targets answering the query are the agents.")
        var prometheus: String?

        @Option(help: "The PromQL query whose series' instance labels are the agents' addresses.")
        var query = "virtsync_last_reconcile_timestamp_seconds"

        @Option(help: "text, markdown or json.")
        var output: PreviewFormat = .text

        @Option(help: "Seconds to wait until every host has planned the revision.")
        var wait: Double = 0

        @Option(help: "Seconds each HTTP request may take.")
        var timeout: Double = 10

        func validate() throws {
            if agents.isEmpty && prometheus == nil {
                throw ValidationError("name the agents with --agent, or --prometheus")
            }
        }

        func run() async throws {
            let gatherer = PreviewGatherer(timeout: timeout)
            var addresses = agents
            if let prometheus {
                do {
                    addresses += try await gatherer.instances(prometheus: prometheus, query: query)
                } catch {
                    Console.err("error: Prometheus at \(prometheus): \(error)")
                    throw ExitCode.failure
                }
            }
            let deadline = Date().addingTimeInterval(wait)
            var table: PreviewTable
            repeat {
                table = PreviewTable(ref: ref, revision: revision, answers: await gatherer.reports(addresses))
                if table.pending.isEmpty || Date() >= deadline { break }
                try await Task.sleep(for: .seconds(1))
            } while true
            switch output {
            case .text: Console.out(table.text(), terminator: "")
            case .markdown: Console.out(table.markdown(), terminator: "")
            case .json: Console.out(try table.json(), terminator: "")
            }
            if table.hasProblems { throw ExitCode.failure }
            if table.isDisruptive { throw ExitCode(2) }
        }
    }
}

/// `--output` of preview.
enum PreviewFormat: String, ExpressibleByArgument { case text, markdown, json }
