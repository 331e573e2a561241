import Foundation
import LibXML2
import Testing

/// libxml2's RelaxNG validation through the wrapper, against libvirt's installed domain schema.
@Suite("RelaxNG schema")
struct RelaxNGSchemaTests {
    static let domainSchema = Result { try RelaxNGSchema(path: "/usr/share/libvirt/schemas/domain.rng") }

    static let valid = """
        <domain type='kvm'>
          <name>a</name>
          <memory unit='MiB'>64</memory>
          <os><type arch='x86_64'>hvm</type></os>
        </domain>
        """

    @Test("a document libvirt accepts has no problems")
    func validDocument() throws {
        #expect(try Self.domainSchema.get().problems(in: Self.valid).isEmpty)
    }

    @Test("an attribute libvirt does not know is a problem on its line, naming the element")
    func unknownAttribute() throws {
        let text = Self.valid.replacingOccurrences(of: "<memory unit='MiB'>", with: "<memory unit='MiB' shared='yes'>")
        let problems = try Self.domainSchema.get().problems(in: text)
        let first = try #require(problems.first)
        #expect(first.line == 3)
        #expect(first.path == "/domain/memory")
        #expect(first.message.contains("shared"), "\(first)")
    }

    @Test("an element in the wrong place is a problem")
    func misplacedElement() throws {
        let text = Self.valid.replacingOccurrences(of: "<name>a</name>", with: "<name>a</name><disk/>")
        #expect(try !Self.domainSchema.get().problems(in: text).isEmpty)
    }

    @Test("text that is not XML is a problem with its line")
    func malformed() throws {
        let problems = try Self.domainSchema.get().problems(in: "<domain>\n<name>a</nam>\n</domain>")
        #expect(problems.first?.line == 2, "\(problems)")
    }

    @Test("a schema that does not exist is an error naming it")
    func missingSchema() {
        #expect(throws: RelaxNGError.self) { try RelaxNGSchema(path: "/nonexistent/domain.rng") }
    }
}
