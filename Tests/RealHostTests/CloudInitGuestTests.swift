import Foundation
import TestSupport
import Testing

extension RealHost {
    @Suite("cloud-init on a real host: the tiny guest")
    struct CloudInitGuestTests {
        @Test(
            "the agent boots the tiny guest by direct kernel boot with a cidata seed: user-data on the serial, guest-ping answers, the address in the status file"
        )
        func tinyGuestReadsItsSeed() throws {
            try RealHost.withHost { host in
                let started = ContinuousClock.now
                let files = try TinyGuest.files(copiedInto: host.poolDirectory + "-boot")
                defer { try? FileManager.default.removeItem(atPath: host.poolDirectory + "-boot") }
                let console = "\(host.poolDirectory)-boot/console.log"
                let repository = try AgentRepository(host: host)
                let secret = "hunter2-\(host.id)"
                try repository.commit(
                    "a tiny guest with cloud-init",
                    [
                        "net.yaml": Self.network(host), "pool.yaml": AgentManifests.pool(host),
                        "disk.yaml": Self.disk(host),
                        "vm.yaml": Self.vm(host, files: files, console: console, secret: secret),
                    ]
                )
                var options = AgentProcess.Options()
                options.interval = "600s"
                let agent = try AgentProcess(host: host, repository: repository, options: options)
                let vm = host.name("vm")

                let printed = poll(timeout: .seconds(240), every: .milliseconds(100)) {
                    Self.read(console).contains("tiny: user-data end")
                }
                let seen = Date()
                let log = Self.read(console)
                try #require(printed, "no user-data on the serial console: \(log.suffix(2000))\n\(agent.tail())")
                print(
                    "cloud-init guest: user-data on the console \(ContinuousClock.now - started) after the test started; "
                        + Self.bootTime(vm, seen: seen, console: log)
                )
                let userData = log.components(separatedBy: "tiny: user-data begin").last?.components(
                    separatedBy: "tiny: user-data end"
                ).first
                #expect(userData?.contains("# vsrt marker \(host.id)") == true, "\(log.suffix(1000))")

                let pinged = poll(timeout: .seconds(60), every: .seconds(1)) {
                    Shell.virsh("qemu-agent-command", vm, #"{"execute":"guest-ping"}"#).output.contains(#""return":{}"#)
                }
                #expect(pinged, "the guest agent did not answer guest-ping: \(Self.read(console).suffix(800))")

                let leased = poll(timeout: .seconds(90), every: .seconds(1)) {
                    Self.read(console).contains("tiny: address")
                }
                try #require(leased, "no DHCP address in the guest: \(Self.read(console).suffix(800))")
                // A pass after the lease: the webhook triggers one without waiting for the interval.
                var addresses: [[String: Any]] = []
                let reported = poll(timeout: .seconds(60), every: .seconds(2)) {
                    _ = agent.webhook()
                    let objects = (try? agent.status())?["objects"] as? [[String: Any]] ?? []
                    let domain = objects.first { ($0["id"] as? [String: Any])?["name"] as? String == vm }
                    addresses = domain?["addresses"] as? [[String: Any]] ?? []
                    return !addresses.isEmpty
                }
                #expect(reported, "no address in the status file: \(agent.tail())")
                #expect(
                    addresses.contains { ($0["address"] as? String)?.hasPrefix(host.subnet + ".") == true },
                    "\(addresses)"
                )
                let statusText =
                    (try? String(
                        contentsOf: agent.stateDirectory.appendingPathComponent("status.json"),
                        encoding: .utf8
                    )) ?? ""
                #expect(
                    !statusText.contains(secret) && !agent.tail(500).contains(secret),
                    "the user-data's secret leaked into the status or log"
                )
                print("cloud-init guest: whole test \(ContinuousClock.now - started)")
                #expect(agent.stop() == 0)
            }
        }

        /// The boot's figures: from QEMU's start (libvirt's log of the domain) to the user-data seen on the
        /// console (within the 100 ms poll), the guest's own uptime when its init started and when it had
        /// printed the user-data, and the host's load average then.
        static func bootTime(_ vm: String, seen: Date, console: String) -> String {
            let log = read("/var/log/libvirt/qemu/\(vm).log")
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSSZ"
            let start = log.components(separatedBy: ": starting up").first.flatMap {
                formatter.date(from: String($0.suffix(28)))
            }
            let host =
                start.map { String(format: "%.2f s", seen.timeIntervalSince($0)) }
                ?? "unknown (no start in the domain's log)"
            let uptime = { (marker: String) in
                console.components(separatedBy: marker).dropFirst().first?.split(separator: " ").first.map(String.init)
                    ?? "?"
            }
            let load = read("/proc/loadavg").split(separator: " ").prefix(3).joined(separator: " ")
            return
                "boot: QEMU start to user-data on the console \(host); guest uptime at init \(uptime("tiny: booted, uptime ")) s, "
                + "at user-data printed \(uptime("tiny: user-data printed, uptime ")) s; load average \(load)"
        }

        static func read(_ path: String) -> String {
            FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }

        static func network(_ host: HostFixture) -> String {
            """
            apiVersion: virtsync/v1
            kind: Network
            metadata: {name: \(host.name("net"))}
            spec:
              forward: {mode: nat}
              bridge: {name: \(host.bridge(0))}
              ips:
                - address: \(host.subnet).1
                  prefix: 24
                  dhcp:
                    ranges:
                      - {start: \(host.subnet).10, end: \(host.subnet).100}
            """
        }

        static func disk(_ host: HostFixture) -> String {
            """
            apiVersion: virtsync/v1
            kind: Volume
            metadata: {name: \(host.name("disk.img"))}
            spec: {pool: \(host.name("pool")), capacity: 1MiB, format: raw, deletionPolicy: Delete}
            """
        }

        /// Raw XML beside cloudInit: direct kernel boot, a file-backed serial and the agent channel.
        static func vm(_ host: HostFixture, files: TinyGuest.Files, console: String, secret: String) -> String {
            """
            apiVersion: virtsync/v1
            kind: Domain
            metadata: {name: \(host.name("vm"))}
            spec:
              state: running
              cloudInit:
                userData: |
                  #cloud-config
                  # vsrt marker \(host.id)
                  password: \(secret)
              xml: |
                <domain type='qemu'>
                  <name>\(host.name("vm"))</name>
                  <memory unit='KiB'>262144</memory>
                  <vcpu>1</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                    <kernel>\(files.kernel)</kernel>
                    <initrd>\(files.initrd)</initrd>
                    <cmdline>console=ttyS0 quiet</cmdline>
                  </os>
                  <devices>
                    <disk type='volume' device='disk'>
                      <driver name='qemu' type='raw'/>
                      <source pool='\(host.name("pool"))' volume='\(host.name("disk.img"))'/>
                      <target dev='vda' bus='virtio'/>
                    </disk>
                    <interface type='network'>
                      <source network='\(host.name("net"))'/>
                      <model type='virtio'/>
                    </interface>
                    <serial type='file'>
                      <source path='\(console)'/>
                      <target port='0'/>
                    </serial>
                    <channel type='unix'>
                      <target type='virtio' name='org.qemu.guest_agent.0'/>
                    </channel>
                  </devices>
                </domain>
            """
        }
    }
}
