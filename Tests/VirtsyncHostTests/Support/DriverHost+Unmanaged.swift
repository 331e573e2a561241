import Libvirt
import LibvirtXML

/// Objects made directly through libvirt, as an administrator would, which virtsync must leave alone.
extension DriverHost {
    func defineUnmanagedDomain(_ base: String, memoryKiB: Int = 131072) throws {
        _ = try connection.defineDomain(
            xml: """
                <domain type='qemu'>
                  <name>\(name(base))</name>
                  <memory unit='KiB'>\(memoryKiB)</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64'>hvm</type></os>
                </domain>
                """
        )
    }

    func defineUnmanagedNetwork(_ base: String) throws {
        _ = try connection.defineNetwork(
            xml: """
                <network>
                  <name>\(name(base))</name>
                  <bridge name='\(bridgeName(base))'/>
                </network>
                """
        )
    }

    func defineUnmanagedPool(_ base: String) throws {
        _ = try connection.defineStoragePool(
            xml: """
                <pool type='dir'>
                  <name>\(name(base))</name>
                  <target><path>\(path(base))</path></target>
                </pool>
                """
        )
    }

    /// The persistent XML of any domain, network or pool by its base name, nil when it does not exist.
    func xml(_ kind: String, _ base: String) throws -> String? {
        switch kind {
        case "domain": try connection.lookupDomain(name: name(base))?.xml(inactive: true)
        case "network": try connection.lookupNetwork(name: name(base))?.xml(inactive: true)
        default: try connection.lookupStoragePool(name: name(base))?.xml(inactive: true)
        }
    }

    /// Redefines a domain through libvirt with an edit to its persistent XML: a change made by hand.
    func editDomainByHand(_ base: String, _ edit: (inout XElement) -> Void) throws {
        var domain = try XElement(parsing: try domainXML(base))
        edit(&domain)
        _ = try connection.defineDomain(xml: domain.xmlString())
    }
}
