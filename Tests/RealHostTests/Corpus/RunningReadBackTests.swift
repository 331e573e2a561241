import Foundation
import Libvirt
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

extension RealHost {
    @Suite("Corpus definitions saved from running VMs (virsh dumpxml without --inactive)")
    struct RunningReadBackTests {
        /// Corpus definitions that start on this host without disks or KVM-only CPU modes.
        static let runnable = [
            "td-testdriver", "td-testsuite-4", "vc-empty", "vi-fake-http-2", "vi-simple-pxe", "virt-xml-print-xml",
        ]

        @Test("a running VM's live XML kept as the manifest plans in sync")
        func liveXMLPlansEmpty() throws {
            try RealHost.withHost { host in
                let corpus = try Corpus.load("domains").filter { Self.runnable.contains($0.base) }
                try #require(corpus.count == Self.runnable.count)
                for entry in corpus { try host.write(entry.fileName, entry.prepared(for: host)) }
                defer { Corpus.undefineAll(prefix: host.prefix, on: host.session.connection) }
                try host.apply()
                for entry in corpus {
                    let name = host.name(entry.base)
                    let domain = try #require(try host.session.connection.lookupDomain(name: name))
                    try domain.start()
                    // What a user saves: the running domain's XML, runtime state and all.
                    let live = Shell.virsh("dumpxml", name)
                    try #require(live.succeeded, "virsh dumpxml \(name): \(live.error)")
                    #expect(live.output.contains(" id='"), "\(name) is running")
                    try host.write(entry.fileName, live.output)
                }
                let again = try host.plan()
                #expect(again.plan.isInSync, "perpetual diffs for live XML:\n\(describe(again.plan))")
            }
        }
    }
}
