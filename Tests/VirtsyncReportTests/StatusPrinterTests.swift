import Testing
import VirtsyncReport

/// `virtsync status` prints the status file as a table for people.
@Suite("status printer")
struct StatusPrinterTests {
    @Test("header, one line per object and the last reconciles")
    func table() {
        var status = Samples.status()
        status.virtsync = .init(version: "0.6.0", revision: "1a2b3c4d5e6f")
        let text = StatusPrinter.text(status)
        #expect(
            text == """
                host         kvm01 (enforce)
                agent        virtsync 0.6.0 (revision 1a2b3c4d5e6f)
                source       https://git.example.com/fleet.git @ main
                applied      3f2a9c1d0b7e at 2026-11-18 11:06:40 UTC
                attempted    3f2a9c1d0b7e at 2026-11-18 11:07:40 UTC
                last success 2026-11-18 11:06:40 UTC
                last error   pool/images: cannot create directory /srv/images: Permission denied
                objects      6: 1 in-sync, 1 drifted, 1 pending-restart, 1 failed, 1 pruned, 1 suspended

                STATE            OBJECT
                failed           pool/images              cannot create directory /srv/images: Permission denied
                pruned           volume/images/old.qcow2
                in-sync          network/lan
                pending-restart  domain/db1               vcpu: want 4, have 2
                suspended        domain/legacy
                drifted          domain/web1              devices/disk[vdb]: want (absent), have <disk type='file' device='disk'>… (and 1 more field)

                LAST RECONCILES
                2026-11-18 11:07:40 UTC  failed   interval  3f2a9c1d0b7e  0 changed, 1 failed  1.5s  pool/images: cannot create directory /srv/images: Permission denied
                2026-11-18 11:06:40 UTC  applied  start     3f2a9c1d0b7e  5 changed, 0 failed  2.0s

                """
        )
    }

    @Test("a status before the first reconcile says what is missing")
    func empty() {
        var status = AgentStatus(host: "kvm01", mode: "report", source: .init(url: "file:///srv/fleet", ref: "v1.2"))
        status.virtsync = nil
        #expect(
            StatusPrinter.text(status) == """
                host         kvm01 (report)
                source       file:///srv/fleet @ v1.2
                applied      none
                attempted    none
                last success never
                last error   none
                objects      0

                no managed objects

                no reconcile yet

                """
        )
    }
}
