import LibvirtXML

extension DomainSpec {
    /// A host PCI device passed through to the guest, by its address (`0000:01:00.0`, as `lspci -D`
    /// prints it). `managed` lets libvirt detach it from its host driver while the guest runs.
    public struct HostDev: Sendable, Hashable {
        public var address: String
        public var managed: Bool
        public init(address: String, managed: Bool = true) {
            self.address = address
            self.managed = managed
        }

        /// domain, bus, slot, function of `DDDD:BB:SS.F` (the domain may be left out: `01:00.0`).
        var parts: (domain: Int, bus: Int, slot: Int, function: Int)? {
            let fields = address.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(fields.count),
                let slotFunction = fields.last?.split(separator: ".", omittingEmptySubsequences: false),
                slotFunction.count == 2
            else { return nil }
            let domain = fields.count == 3 ? Int(fields[0], radix: 16) : 0
            let bus = Int(fields[fields.count - 2], radix: 16)
            let (slot, function) = (Int(slotFunction[0], radix: 16), Int(slotFunction[1], radix: 16))
            guard let domain, let bus, let slot, let function, domain <= 0xffff, bus <= 0xff, slot <= 0x1f,
                function <= 7
            else { return nil }
            return (domain, bus, slot, function)
        }
    }
}

extension DeviceList {
    static let hostdevs = DeviceList(
        "hostdevs",
        element: "hostdev",
        \.hostdevs,
        schema: DomainSpec.HostDev.schema,
        keyedBy: "`address`",
        xmlKey: DomainSpec.HostDev.key,
        change: .pendingRestart,
        alwaysOwned: true,
        "host PCI devices passed through (`{address: 0000:01:00.0}`)",
        xml: { item, _ in item.xml },
        check: { hostdev, field, _, findings in
            if hostdev.parts == nil {
                findings.error(
                    "\(field).address",
                    "expected a PCI address such as 0000:01:00.0, got '\(hostdev.address)'"
                )
            }
        }
    )
}

extension DomainSpec.HostDev {
    static let schema = Schema<Self>(
        { Self(address: "") },
        [
            Member(
                "address",
                \.address,
                .string,
                required: true,
                "PCI address `DDDD:BB:SS.F`; the key of the list",
                default: ""
            ),
            Member(
                "managed",
                \.managed,
                .bool,
                "libvirt detaches the device from its host driver and gives it back",
                default: "`true`"
            ),
        ]
    )

    /// `<hostdev mode='subsystem' type='pci' managed='yes'><source><address …/></source></hostdev>`,
    /// the address written as libvirt writes it (`domain='0x0000' bus='0x01' slot='0x00' function='0x0'`).
    var xml: XElement {
        let parts = self.parts ?? (0, 0, 0, 0)
        let address = XElement(
            "address",
            [
                "domain": hex(parts.domain, 4), "bus": hex(parts.bus, 2), "slot": hex(parts.slot, 2),
                "function": "0x" + String(parts.function, radix: 16),
            ]
        )
        return XElement(
            "hostdev",
            ["mode": "subsystem", "type": "pci", "managed": managed ? "yes" : "no"],
            children: [XElement("source", children: [address])]
        )
    }

    private func hex(_ value: Int, _ width: Int) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `0000:01:00.0` from a PCI `<source><address>`, libvirt's or rendered; a USB device by vendor:product.
    @Sendable static func key(_ element: XElement) -> String? {
        guard let source = element.child("source") else { return nil }
        if let address = source.child("address") {
            let values = ["domain", "bus", "slot", "function"].map { address[attribute: $0].flatMap(parseHex) }
            guard let domain = values[0], let bus = values[1], let slot = values[2], let function = values[3] else {
                return nil
            }
            return canonical(domain, bus, slot, function)
        }
        let vendor = source.child("vendor")?[attribute: "id"]
        let product = source.child("product")?[attribute: "id"]
        return vendor.map { "\($0):\(product ?? "")" }
    }

    private static func parseHex(_ text: String) -> Int? {
        text.hasPrefix("0x") ? Int(text.dropFirst(2), radix: 16) : Int(text)
    }

    private static func canonical(_ domain: Int, _ bus: Int, _ slot: Int, _ function: Int) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(domain, 4)):\(pad(bus, 2)):\(pad(slot, 2)).\(String(function, radix: 16))"
    }
}
