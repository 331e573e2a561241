import LibvirtXML
import Testing

@Suite("Printing values as libvirt XML")
struct XElementPrintingTests {
    @Test("elements print in libvirt's style: single quotes, two-space indent, empty elements closed")
    func printsLibvirtStyle() {
        var network = XElement("network")
        network.append(
            XElement("name", text: "default"),
            XElement("bridge", ["name": "virbr0", "stp": "on", "delay": "0"]),
            XElement("mtu", ["size": nil])
        )
        #expect(
            network.xmlString() == """
                <network>
                  <name>default</name>
                  <bridge name='virbr0' stp='on' delay='0'/>
                  <mtu/>
                </network>

                """
        )
    }

    @Test("text and attribute values are escaped and read back unchanged")
    func escapesAndRoundTrips() throws {
        let element = XElement("description", ["title": "a 'quoted' <b> & \"c\""], text: "x < y & z")
        let printed = element.xmlString()
        #expect(printed.contains("&apos;quoted&apos;"))
        #expect(try XElement(parsing: printed) == element)
    }
}
