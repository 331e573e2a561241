import ArgumentParser
import Libvirt
import VirtsyncHost

extension Virtsync {
    /// `virtsync check`: the seed's section 2 as pass / warn / fail lines with the fix.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check that this host can run KVM guests under libvirt."
        )

        @Option(help: "libvirt URI to check.")
        var connect = "qemu:///system"

        func run() async throws {
            let probe = HostProbe.live(connect: { uri in
                Result { try LibvirtConnection(uri: uri).hostname() }
            })
            let results = HostCheck(probe: probe, uri: connect).run()
            let text = HostCheck.render(results)
            Console.out(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            if !HostCheck.passed(results) { throw ExitCode.failure }
        }
    }
}
