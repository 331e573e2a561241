public import LibvirtXML
public import VirtsyncManifest

/// Renders a `Network` manifest as libvirt's `<network>` document (seed 3.1 NAT, 3.2 bridged).
///
/// libvirt fills in what is left out (a `virbrN` bridge, its MAC, stp and delay for NAT networks);
/// those additions are not rendered, so only the manifest's own choices are compared.
public enum NetworkRenderer {
    /// The `<network>` document for a network named `name`.
    public static func render(name: String, _ spec: NetworkSpec) -> XElement {
        var network = XElement("network")
        network.append(
            XElement("name", text: name),
            spec.uuid.map { XElement("uuid", text: $0) },
            spec.forward.map(forward),
            spec.bridge.map(bridge),
            spec.mtu.map { XElement("mtu", ["size": String($0)]) }
        )
        network.children += spec.ips.map(ip)
        return network
    }

    /// `<forward mode dev>`; an isolated network has none. libvirt writes `dev` before `mode`.
    static func forward(_ forward: NetworkSpec.Forward) -> XElement {
        var element = XElement("forward", ["dev": forward.dev, "mode": forward.mode.rawValue])
        if forward.mode == .nat, let ports = forward.natPorts {
            let port = XElement("port", ["start": String(ports.lowerBound), "end": String(ports.upperBound)])
            element.append(XElement("nat", children: [port]))
        }
        return element
    }

    static func bridge(_ bridge: NetworkSpec.Bridge) -> XElement {
        XElement(
            "bridge",
            ["name": bridge.name, "stp": bridge.stp.map { $0 ? "on" : "off" }, "delay": bridge.delay.map(String.init)]
        )
    }

    /// `<ip>`: IPv6 carries `family='ipv6'`; IPv4 is libvirt's default family and carries none.
    static func ip(_ ip: NetworkSpec.IP) -> XElement {
        var element = XElement(
            "ip",
            [
                "family": ip.family == .ipv6 ? "ipv6" : nil, "address": ip.address, "netmask": ip.netmask,
                "prefix": ip.prefix.map(String.init),
            ]
        )
        element.append(ip.dhcp.map(dhcp))
        return element
    }

    static func dhcp(_ dhcp: NetworkSpec.DHCP) -> XElement {
        let ranges = dhcp.ranges.map { XElement("range", ["start": $0.start, "end": $0.end]) }
        let hosts = dhcp.hosts.map { XElement("host", ["mac": $0.mac?.lowercased(), "name": $0.name, "ip": $0.ip]) }
        return XElement("dhcp", children: ranges + hosts)
    }
}
