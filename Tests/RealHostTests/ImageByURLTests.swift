import Crypto
import Foundation
import TestSupport
import Testing
import VirtsyncHost
import VirtsyncImages
import VirtsyncManifest
import VirtsyncPlan

extension RealHost {
    @Suite("Volumes from images by URL on a real host")
    struct ImageByURLTests {
        /// A raw image with a recognisable pattern, and a small qcow2 image made by qemu-img.
        static let raw = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 12) })

        @Test(
            "good images land with their bytes (plain and xz), a clone backs onto one; bad ones each fail alone; the cache serves the second apply"
        )
        func imagesByURL() throws {
            try RealHost.withHost { host in
                let server = try ImageServer()
                try server.serve(Self.raw, as: "disk.img")
                // The cache is keyed by SHA-256: the stalled and cut downloads need bytes of their own.
                let other = Data(Self.raw.reversed())
                try server.serve(other, as: "other.img")
                let qcow2Path = server.directory.appendingPathComponent("base.qcow2").path
                let made = Shell.run(["qemu-img", "create", "-q", "-f", "qcow2", qcow2Path, "64M"])
                try #require(made.succeeded, "qemu-img: \(made.error)")
                let xz = Shell.run(["xz", "-k", "-f", qcow2Path])
                try #require(xz.succeeded, "xz: \(xz.error)")
                let compressed = try Data(contentsOf: URL(fileURLWithPath: qcow2Path + ".xz"))
                let sha = { (data: Data) in SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }
                let rawSHA = sha(Self.raw)

                var manifests = [Self.pool(host)]
                manifests.append(
                    Self.volume(
                        host,
                        "plain.img",
                        format: "raw",
                        capacity: "3MiB",
                        url: server.url("files", "disk.img"),
                        sha: rawSHA
                    )
                )
                manifests.append(
                    Self.volume(
                        host,
                        "base.qcow2",
                        format: "qcow2",
                        capacity: "128MiB",
                        url: server.url("files", "base.qcow2.xz"),
                        sha: sha(compressed)
                    )
                )
                manifests.append(
                    Self.volume(
                        host,
                        "mismatch.img",
                        format: "raw",
                        capacity: "3MiB",
                        url: server.url("files", "disk.img"),
                        sha: String(repeating: "ab", count: 32)
                    )
                )
                manifests.append(
                    Self.volume(
                        host,
                        "missing.img",
                        format: "raw",
                        capacity: "3MiB",
                        url: server.url("files", "nothing.img"),
                        sha: sha(Data("nothing".utf8))
                    )
                )
                manifests.append(
                    Self.volume(
                        host,
                        "stalled.img",
                        format: "raw",
                        capacity: "3MiB",
                        url: server.url("stall", "other.img"),
                        sha: sha(other)
                    )
                )
                manifests.append(
                    Self.volume(
                        host,
                        "truncated.img",
                        format: "raw",
                        capacity: "3MiB",
                        url: server.url("truncated", "other.img"),
                        sha: sha(other)
                    )
                )
                manifests.append(
                    """
                    apiVersion: virtsync/v1
                    kind: Volume
                    metadata: {name: \(host.name("clone.qcow2"))}
                    spec:
                      pool: \(host.name("pool"))
                      capacity: 128MiB
                      format: qcow2
                      backingStore: {volume: {pool: \(host.name("pool")), name: \(host.name("base.qcow2"))}, format: qcow2}
                    """
                )
                try host.write("images.yaml", manifests.joined(separator: "\n---\n"))

                let started = ContinuousClock.now
                let planned = try host.plan()
                let report = try host.session.apply(planned)
                print("images: first apply \(ContinuousClock.now - started)")
                let failed = Dictionary(uniqueKeysWithValues: report.failures.map { ($0.id.name, $0.error ?? "") })
                #expect(
                    Set(failed.keys)
                        == Set(["mismatch.img", "missing.img", "stalled.img", "truncated.img"].map(host.name)),
                    "\(failed)"
                )
                #expect(failed[host.name("mismatch.img")]?.contains("SHA-256 mismatch") == true, "\(failed)")
                #expect(failed[host.name("missing.img")]?.contains("HTTP 404") == true, "\(failed)")
                #expect(failed[host.name("stalled.img")]?.contains("no data for 5 s") == true, "\(failed)")
                #expect(
                    failed[host.name("truncated.img")].map { $0.contains("truncated") || $0.contains("ended after") }
                        == true,
                    "\(failed)"
                )

                let volumes = Set(Shell.volumes(pool: host.name("pool")))
                #expect(
                    volumes == Set(["plain.img", "base.qcow2", "clone.qcow2"].map(host.name)),
                    "\(volumes) \(report.outcomes)"
                )
                let plain = try Data(
                    contentsOf: URL(fileURLWithPath: "\(host.poolDirectory)/\(host.name("plain.img"))")
                )
                #expect(plain == Self.raw)
                let base = try QemuImage.info("\(host.poolDirectory)/\(host.name("base.qcow2"))")
                #expect(base.virtualSize == 128 << 20, "the base image grows to its capacity")
                let clone = Shell.run([
                    "qemu-img", "info", "--output=json", "\(host.poolDirectory)/\(host.name("clone.qcow2"))",
                ]).output
                #expect(clone.contains(host.name("base.qcow2")), "the clone backs onto the base image: \(clone)")

                let downloads = server.count("disk.img") + server.count("other.img") + server.count("base.qcow2.xz")
                let again = try host.plan()
                let second = try host.session.apply(again)
                #expect(second.failures.count == 4, "\(second.outcomes)")
                #expect(
                    Set(again.plan.steps.map(\.id.name)) == Set(failed.keys),
                    "only the failed ones are planned again: \(describe(again.plan))"
                )
                // The good images came from the cache: only the failing URLs were asked for again.
                #expect(server.count("base.qcow2.xz") == 1)
                #expect(
                    server.count("disk.img") + server.count("other.img") + server.count("base.qcow2.xz") == downloads
                        + 3,
                    "mismatch, stall and truncated ask again; 404 is not counted"
                )
            }
        }

        static func pool(_ host: HostFixture) -> String {
            """
            apiVersion: virtsync/v1
            kind: StoragePool
            metadata: {name: \(host.name("pool"))}
            spec: {type: dir, target: {path: \(host.poolDirectory)}, build: true}
            """
        }

        static func volume(
            _ host: HostFixture,
            _ name: String,
            format: String,
            capacity: String,
            url: String,
            sha: String
        ) -> String {
            """
            apiVersion: virtsync/v1
            kind: Volume
            metadata: {name: \(host.name(name))}
            spec:
              pool: \(host.name("pool"))
              capacity: \(capacity)
              format: \(format)
              deletionPolicy: Delete
              source: {url: "\(url)", sha256: \(sha)}
            """
        }
    }
}
