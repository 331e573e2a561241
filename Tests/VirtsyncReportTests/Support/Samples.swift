import Foundation
import TestSupport
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncReport

/// Values the report tests share.
enum Samples {
    /// A name no other test run uses, so journalctl finds only this test's entries.
    static func uniqueName(_ base: String) -> String {
        NamePrefix.make("vs") + base
    }

    static let revision = "3f2a9c1d0b7e4a5f8c6d2e1b0a9f8e7d6c5b4a39"
    static let diskXML =
        "<disk type='file' device='disk'>\n  <source file='/var/lib/libvirt/images/extra.qcow2'/>\n  <target dev='vdb' bus='virtio'/>\n</disk>"

    /// A fixed instant with milliseconds, which the status file keeps.
    static func date(_ offset: Double) -> Date {
        Date(timeIntervalSince1970: 1_795_000_000.125 + offset)
    }

    /// A status with every optional field set and every object state present.
    static func status() -> AgentStatus {
        var status = AgentStatus(
            host: "kvm01",
            mode: "enforce",
            source: .init(url: "https://git.example.com/fleet.git", ref: "main"),
            objects: [
                ObjectStatus(id: ObjectID(.network, "lan"), state: .inSync, manifest: "common/network.yaml"),
                ObjectStatus(
                    id: ObjectID(.domain, "web1"),
                    state: .drifted,
                    drift: [
                        FieldChange(path: "devices/disk[vdb]", want: nil, have: diskXML),
                        FieldChange(path: "memory", want: "2097152", have: "4194304"),
                    ],
                    manifest: "hosts/kvm01/web1.yaml"
                ),
                ObjectStatus(
                    id: ObjectID(.domain, "db1"),
                    state: .pendingRestart,
                    drift: [FieldChange(path: "vcpu", want: "4", have: "2")]
                ),
                ObjectStatus(
                    id: ObjectID(.storagePool, "images"),
                    state: .failed,
                    error: "cannot create directory /srv/images: Permission denied"
                ),
                ObjectStatus(id: ObjectID(.volume, "old.qcow2", pool: "images"), state: .pruned),
                ObjectStatus(id: ObjectID(.domain, "legacy"), state: .suspended),
            ]
        )
        status.lastAppliedRevision = revision
        status.lastAppliedAt = date(0)
        status.lastAttemptedRevision = revision
        status.lastAttemptAt = date(60)
        status.lastSuccessAt = date(0)
        status.lastError = "pool/images: cannot create directory /srv/images: Permission denied"
        status.record(
            ReconcileSummary(
                startedAt: date(-2),
                finishedAt: date(0),
                trigger: "start",
                revision: revision,
                result: .applied,
                changes: 5
            )
        )
        status.record(
            ReconcileSummary(
                startedAt: date(58.5),
                finishedAt: date(60),
                trigger: "interval",
                revision: revision,
                result: .failed,
                changes: 0,
                failures: 1,
                error: "pool/images: cannot create directory /srv/images: Permission denied"
            )
        )
        return status
    }

    /// A preview of `refs/pull/1/head` that restarts one domain and creates another.
    static func preview(
        ref: String = "refs/pull/1/head",
        revision: String = "9a8b7c6d5e4f30211203948576abcdef01234567"
    ) -> PreviewStatus {
        PreviewStatus(
            ref: ref,
            revision: revision,
            base: Samples.revision,
            plannedAt: date(30),
            steps: [
                PreviewStep(
                    object: ObjectID(.domain, "web1"),
                    change: .pendingRestart,
                    fields: [FieldChange(path: "memory", want: "4194304", have: "2097152")],
                    notes: ["needs a restart to apply: memory (restartPolicy: Never)"],
                    manifest: "hosts/kvm01/web1.yaml:1:1"
                ),
                PreviewStep(object: ObjectID(.domain, "web9"), change: .create, manifest: "hosts/kvm01/web9.yaml:1:1"),
            ],
            inSync: 4
        )
    }

    /// A fresh directory under the temporary directory.
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
