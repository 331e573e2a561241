import LibvirtXML
import Testing
import VirtsyncManifest
import VirtsyncPlan

/// Every declared device list gets its key and ownership from its declaration, not from a hand-kept table.
@Suite struct DeviceListRuleTests {
    static let rendered = Renderer.render(RenderExamples.everyDeviceDomain)
    static let devices = rendered.child("devices")!

    @Test("every typed device list has a keyed list rule", arguments: DomainSpec.Devices.lists.map(\.key))
    func everyListHasAKey(key: String) throws {
        let list = try #require(DomainSpec.Devices.lists.first { $0.key == key })
        let rule = try #require(
            ListRule.rule(parent: "devices", child: list.element),
            "no list rule for devices/\(list.element)"
        )
        guard case .key(let keyOf) = rule.matching else {
            Issue.record("devices/\(list.element) is not matched by key")
            return
        }
        let members = Self.devices.children(list.element)
        #expect(!members.isEmpty, "the every-device example has no \(list.element)")
        for member in members { #expect(keyOf(XElementView(element: member)) != nil, "\(member.xmlString())") }
        #expect(!list.keyText.isEmpty && !list.itemRows.isEmpty)
    }

    @Test("a host member beyond a list the manifest names is drift; a list left out is libvirt's")
    func namedListsAreOwned() throws {
        var have = Self.rendered
        var devices = try #require(have.child("devices"))
        devices.children.append(
            try XElement(parsing: "<rng model='virtio'><backend model='random'>/dev/random</backend></rng>")
        )
        have.setChild("devices", devices)
        let desired = DesiredObject(RenderExamples.everyDeviceDomain)
        let owning = XMLComparator().owning(desired.ownedLists)
        #expect(owning.compare(want: Self.rendered, have: have).map(\.path) == ["devices/rng[/dev/random]"])

        var leftOut = RenderExamples.everyDeviceDomain
        guard case .domain(var spec) = leftOut.spec else { return }
        spec.devices.rngs = nil
        leftOut.spec = .domain(spec)
        let unnamed = DesiredObject(leftOut)
        #expect(!unnamed.ownedLists.contains("devices/rng"))
        #expect(XMLComparator().owning(unnamed.ownedLists).compare(want: unnamed.xml, have: have).isEmpty)
    }
}
