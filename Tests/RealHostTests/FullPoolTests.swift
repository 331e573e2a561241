import Crypto
import Foundation
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncManifest
import VirtsyncPlan

extension RealHost {
    @Suite("A full pool on a real host")
    struct FullPoolTests {
        @Test(
            "an image larger than its pool's free space fails alone with the numbers, leaves no volume or file, and the rest applies"
        )
        func fullPool() throws {
            try RealHost.withHost { host in
                // A dir pool on a 4 MiB tmpfs of its own: full for real, and nobody else's disk fills up.
                try FileManager.default.createDirectory(atPath: host.poolDirectory, withIntermediateDirectories: true)
                let mounted = Shell.run([
                    "mount", "-t", "tmpfs", "-o", "size=4M,mode=0755", "tmpfs", host.poolDirectory,
                ])
                try #require(mounted.succeeded, "mount tmpfs on \(host.poolDirectory): \(mounted.error)")
                defer {
                    host.cleanup()
                    if !Shell.run(["umount", host.poolDirectory]).succeeded {
                        Shell.run(["umount", "-l", host.poolDirectory])
                    }
                    try? FileManager.default.removeItem(atPath: host.poolDirectory)
                }
                let server = try ImageServer()
                let big = Data((0..<(6 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ $0 >> 10) })
                let small = Data((0..<(512 << 10)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) })
                try server.serve(big, as: "big.img")
                try server.serve(small, as: "small.img")
                let sha = { (data: Data) in SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }
                try host.write(
                    "full.yaml",
                    [
                        ImageByURLTests.pool(host),
                        ImageByURLTests.volume(
                            host,
                            "big.img",
                            format: "raw",
                            capacity: "6MiB",
                            url: server.url("files", "big.img"),
                            sha: sha(big)
                        ),
                        ImageByURLTests.volume(
                            host,
                            "small.img",
                            format: "raw",
                            capacity: "512KiB",
                            url: server.url("files", "small.img"),
                            sha: sha(small)
                        ),
                        """
                        apiVersion: virtsync/v1
                        kind: Volume
                        metadata: {name: \(host.name("empty.qcow2"))}
                        spec: {pool: \(host.name("pool")), capacity: 1GiB, format: qcow2, deletionPolicy: Delete}
                        """,
                    ].joined(separator: "\n---\n")
                )

                let planned = try host.plan()
                let report = try host.session.apply(planned)
                let failed = Dictionary(uniqueKeysWithValues: report.failures.map { ($0.id.name, $0.error ?? "") })
                #expect(Set(failed.keys) == [host.name("big.img")], "\(report.outcomes)")
                let message = failed[host.name("big.img")] ?? ""
                #expect(message.contains("pool \(host.name("pool")) is full"), "\(message)")
                #expect(message.contains("needs 6.0 MiB"), "\(message)")
                #expect(message.contains("no volume was created"), "\(message)")
                print("full pool: \(message)")

                #expect(
                    Set(Shell.volumes(pool: host.name("pool"))) == Set(["small.img", "empty.qcow2"].map(host.name))
                )
                let files = (try? FileManager.default.contentsOfDirectory(atPath: host.poolDirectory)) ?? []
                #expect(
                    Set(files) == Set(["small.img", "empty.qcow2"].map(host.name)),
                    "a file was left behind: \(files)"
                )
                #expect(
                    FileManager.default.contents(atPath: "\(host.poolDirectory)/\(host.name("small.img"))") == small
                )

                // Only the failed volume is planned again, and it fails again the same way.
                let again = try host.plan()
                #expect(again.plan.steps.map(\.id.name) == [host.name("big.img")], "\(describe(again.plan))")
                let second = try host.session.apply(again)
                #expect(second.failures.first?.error?.contains("is full") == true, "\(second.outcomes)")
                #expect(
                    Set(Shell.volumes(pool: host.name("pool"))) == Set(["small.img", "empty.qcow2"].map(host.name))
                )
            }
        }
    }
}
