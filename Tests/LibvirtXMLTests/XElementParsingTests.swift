import LibvirtXML
import Testing

@Suite("Reading libvirt XML into values")
struct XElementParsingTests {
    @Test("a domain document becomes elements, attributes and trimmed text")
    func parsesDomain() throws {
        let domain = try XElement(
            parsing: """
                <domain type='kvm'>
                  <name>myvm</name>
                  <memory unit='KiB'>2097152</memory>
                  <os><type arch='x86_64' machine='pc-i440fx-2.11'>hvm</type><boot dev='hd'/></os>
                </domain>
                """
        )
        #expect(domain.name == "domain")
        #expect(domain[attribute: "type"] == "kvm")
        #expect(domain.child("name")?.text == "myvm")
        #expect(domain.child("memory")?[attribute: "unit"] == "KiB")
        #expect(domain.descendant("os/type")?[attribute: "machine"] == "pc-i440fx-2.11")
        #expect(domain.descendant("os/boot")?.text == nil)
    }

    @Test("malformed XML is an error with its line")
    func malformedHasPosition() {
        #expect(throws: XMLParseError.self) { try XElement(parsing: "<network>\n  <name>x</nam>\n</network>") }
        do {
            _ = try XElement(parsing: "<network>\n  <name>x</nam>\n</network>")
        } catch {
            #expect(error.line == 2)
        }
    }

    @Test("namespaced metadata keeps its prefix and xmlns attribute")
    func keepsNamespacePrefixes() throws {
        let domain = try XElement(
            parsing: """
                <domain><metadata><vs:managed xmlns:vs="https://virtsync.io/xmlns/domain/1"/></metadata></domain>
                """
        )
        let mark = domain.descendant("metadata/vs:managed")
        #expect(mark?[attribute: "xmlns:vs"] == "https://virtsync.io/xmlns/domain/1")
    }
}
