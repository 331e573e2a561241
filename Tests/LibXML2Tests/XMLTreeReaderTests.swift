import Foundation
import LibXML2
import LibvirtXML
import Testing

/// libxml2's tree reader gives the very tree FoundationXML's reader gives: the observed side of every
/// comparison is read with one, raw `.xml` manifests with the other, so any difference would be a diff
/// that never goes away.
@Suite("XML tree reader")
struct XMLTreeReaderTests {
    static let cases: [(String, String)] = [
        ("plain", "<domain type='kvm'><name>a</name><memory unit='KiB'>2048</memory></domain>"),
        ("indented", "<domain>\n  <devices>\n    <disk type='file' device='disk'/>\n  </devices>\n</domain>\n"),
        (
            "declaration and comments",
            "<?xml version='1.0'?>\n<!-- made by hand -->\n<network><!-- x --><name>n</name></network>"
        ),
        ("attribute order", "<a z='1' b='2' m='3'/>"),
        ("entities", "<a note='&lt;&amp;&gt;&apos;&quot;'>&lt;tag&gt; &amp; &#x41;&#66;</a>"),
        ("CDATA joined with text", "<a>one <![CDATA[<two>]]> three</a>"),
        (
            "namespaces",
            """
            <domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
              <qemu:commandline><qemu:arg value='-S'/></qemu:commandline>
            </domain>
            """
        ),
        ("default namespace", "<metadata><app xmlns='urn:example' version='2'><x/></app></metadata>"),
        ("prefixed attribute", "<a xmlns:v='urn:v' v:key='1' key='2'/>"),
        ("mixed content", "<a>before<b/>after</a>"),
        ("non-ASCII and Unicode space", "<a>\u{00A0}grüße\u{2003}</a>"),
        ("processing instruction", "<a><?pi data?><b>x</b></a>"),
        ("empty text", "<a>   \n\t </a>"),
    ]

    @Test("the same tree as FoundationXML's reader", arguments: cases.map(\.0))
    func sameTree(_ name: String) throws {
        let text = try #require(Self.cases.first { $0.0 == name }?.1)
        let fast = try XMLTreeReader.element(parsing: text)
        let slow = try XElement(parsing: text)
        #expect(fast == slow, "\(fast.xmlString()) / \(slow.xmlString())")
    }

    @Test("the same tree for every definition of the corpus and every XML fixture")
    func corpus() throws {
        let files = try Self.xmlFixtures()
        #expect(files.count > 400)
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let fast = Result { () throws(XMLParseError) in try XMLTreeReader.element(parsing: text) }
            let slow = Result { () throws(XMLParseError) in try XElement(parsing: text) }
            #expect("\(fast)" == "\(slow)", "\(file)")
        }
    }

    /// FoundationXML on Linux drops the text of an entity declared in the document's own DTD; libxml2
    /// substitutes it, as libvirt's parser does. libvirt never writes a DTD, so observed XML never has one.
    @Test("an internal entity is substituted, as libvirt does")
    func internalEntity() throws {
        let element = try XMLTreeReader.element(parsing: "<!DOCTYPE a [<!ENTITY e 'expanded'>]><a>&e;</a>")
        #expect(element.text == "expanded")
    }

    @Test(
        "malformed XML fails in both, with the same words",
        arguments: [
            "<a><b></a>", "<a x='1' x='2'/>", "", "<a>", "<a/><b/>", "<a x=1/>", "<a>&undeclared;</a>",
        ]
    )
    func malformed(_ text: String) {
        let fast = Result { () throws(XMLParseError) in try XMLTreeReader.element(parsing: text) }
        let slow = Result { () throws(XMLParseError) in try XElement(parsing: text) }
        guard case .failure(let fastError) = fast, case .failure(let slowError) = slow else {
            Issue.record("expected both to fail: \(fast) / \(slow)")
            return
        }
        // FoundationXML names no error for a document that just ends ("", "<a>"); libxml2's tree reader does.
        guard slowError.message.contains("libxml2 error") else { return }
        #expect(fastError.line == slowError.line, "\(fastError) / \(slowError)")
        #expect(fastError.message == slowError.message, "\(fastError) / \(slowError)")
    }

    /// Every `.xml` file under `Tests/`: the fidelity corpus and the plan fixtures.
    static func xmlFixtures() throws -> [String] {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let enumerator = try #require(FileManager.default.enumerator(atPath: tests.path))
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".xml") }.map { tests.path + "/" + $0 }
            .sorted()
    }
}
