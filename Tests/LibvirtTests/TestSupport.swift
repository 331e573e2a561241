import Foundation
import Libvirt
import TestSupport
import Testing

/// The libvirt URI the suite runs against: `test:///default` (in-process, state shared by the whole
/// test process) unless `VIRTSYNC_TEST_URI` names another, such as `qemu:///system`.
let testURI = ProcessInfo.processInfo.environment["VIRTSYNC_TEST_URI"] ?? "test:///default"

/// Whether the suite runs against libvirt's in-process test driver.
let onTestDriver = testURI.hasPrefix("test:")

/// A fresh connection per test, so each test's `mutationCount` is its own.
func connect() throws -> LibvirtConnection {
    try LibvirtConnection(uri: testURI)
}

/// A name no other test, run or host object uses: tests run in parallel against shared drivers.
func uniqueName(_ role: String) -> String {
    NamePrefix.make("vsync-lt-") + role
}

/// The smallest domain either driver accepts: no disks, no network, 32 MiB.
func domainXML(name: String, memoryKiB: Int = 32768, vcpus: Int = 1) -> String {
    """
    <domain type='\(onTestDriver ? "test" : "qemu")'>
      <name>\(name)</name>
      <memory unit='KiB'>\(memoryKiB)</memory>
      <vcpu>\(vcpus)</vcpu>
      <os><type arch='x86_64'>hvm</type></os>
    </domain>
    """
}

/// An isolated NAT-less network with one DHCP range; never started on a real host.
func networkXML(name: String, subnet: Int) -> String {
    """
    <network>
      <name>\(name)</name>
      <ip address='10.213.\(subnet).1' netmask='255.255.255.0'>
        <dhcp><range start='10.213.\(subnet).100' end='10.213.\(subnet).200'/></dhcp>
      </ip>
    </network>
    """
}

/// A directory pool at `path`.
func dirPoolXML(name: String, path: String) -> String {
    """
    <pool type='dir'>
      <name>\(name)</name>
      <target><path>\(path)</path></target>
    </pool>
    """
}

/// A raw file volume of `bytes` bytes.
func volumeXML(name: String, bytes: UInt64) -> String {
    """
    <volume>
      <name>\(name)</name>
      <capacity unit='bytes'>\(bytes)</capacity>
      <target><format type='raw'/></target>
    </volume>
    """
}

/// Runs cleanup from a `defer`, where nothing can be thrown: a failure is recorded as an issue,
/// since a leftover object would leak into later runs.
func cleanUp(_ what: String, _ body: () throws -> Void) {
    do {
        try body()
    } catch {
        Issue.record("cleanup of \(what) failed: \(error)")
    }
}
