internal import CLibxml2
import Synchronization

/// A RelaxNG schema parsed once, validating any number of documents (libxml2's `xmlRelaxNG`).
///
/// libvirt's own schemas take tens of milliseconds to parse (`domain.rng` includes a dozen files), and
/// libvirtd parses one on every define with a VALIDATE flag; parsing it once per process and checking
/// documents here costs a fraction of that.
// @unchecked Sendable: the parsed schema is never changed after `init`; every validation creates its own
// validation context, and libxml2 allows one schema to be shared by contexts on several threads. The lock
// serialises validations anyway, because libxml2 1.x-era RelaxNG code keeps per-schema state in places.
public final class RelaxNGSchema: @unchecked Sendable {
    /// The schema file, for messages.
    public let path: String
    let schema: xmlRelaxNGPtr
    private let lock = Mutex<Void>(())

    /// Parses the schema at `path` (and what it includes).
    public init(path: String) throws(RelaxNGError) {
        Self.initialize
        self.path = path
        let collector = ProblemCollector()
        let parsed: xmlRelaxNGPtr? = withExtendedLifetime(collector) {
            guard let context = xmlRelaxNGNewParserCtxt(path) else { return nil }
            defer { xmlRelaxNGFreeParserCtxt(context) }
            xmlRelaxNGSetParserStructuredErrors(
                context,
                ProblemCollector.callback,
                Unmanaged.passUnretained(collector).toOpaque()
            )
            return xmlRelaxNGParse(context)
        }
        guard let parsed else {
            throw RelaxNGError(schema: path, message: collector.problems.first?.message ?? "libxml2 could not parse it")
        }
        schema = parsed
    }

    deinit {
        xmlRelaxNGFree(schema)
    }

    /// Every place where `text` breaks the schema, or is not well-formed; empty when it is valid.
    /// `name` names the document in libxml2's messages.
    public func problems(in text: String, name: String = "document.xml") -> [SchemaProblem] {
        let collector = ProblemCollector()
        return withExtendedLifetime(collector) {
            let context = Unmanaged.passUnretained(collector).toOpaque()
            guard let document = Self.parse(text, name: name, collector: collector, context: context) else {
                return collector.problems.isEmpty
                    ? [SchemaProblem(line: 0, path: "", message: "not well-formed XML")] : collector.problems
            }
            defer { xmlFreeDoc(document) }
            return lock.withLock { _ in
                guard let validation = xmlRelaxNGNewValidCtxt(schema) else { return [] }
                defer { xmlRelaxNGFreeValidCtxt(validation) }
                xmlRelaxNGSetValidStructuredErrors(validation, ProblemCollector.callback, context)
                guard xmlRelaxNGValidateDoc(validation, document) != 0 else { return [] }
                // libxml2's own messages name the enclosing element: the culprit, when one is found, says more.
                return culprit(in: document).map { [$0] } ?? collector.problems
            }
        }
    }

    /// Whether the document passes, with libxml2's messages discarded (used while looking for a culprit;
    /// the caller holds the lock).
    func isValid(_ document: xmlDocPtr) -> Bool {
        let collector = ProblemCollector()
        return withExtendedLifetime(collector) {
            guard let validation = xmlRelaxNGNewValidCtxt(schema) else { return false }
            defer { xmlRelaxNGFreeValidCtxt(validation) }
            xmlRelaxNGSetValidStructuredErrors(
                validation,
                ProblemCollector.callback,
                Unmanaged.passUnretained(collector).toOpaque()
            )
            return xmlRelaxNGValidateDoc(validation, document) == 0
        }
    }

    /// Parses with line numbers, no network, and errors to the collector rather than stderr.
    ///
    /// libxml2 2.9 has no per-parser structured error handler: the handler is its per-thread global,
    /// set for this call and cleared after it (the call runs on one thread from start to end).
    private static func parse(
        _ text: String,
        name: String,
        collector: ProblemCollector,
        context: UnsafeMutableRawPointer
    ) -> xmlDocPtr? {
        guard let parser = xmlNewParserCtxt() else { return nil }
        defer { xmlFreeParserCtxt(parser) }
        xmlSetStructuredErrorFunc(context, ProblemCollector.callback)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let count = Int32(text.utf8.count)
        return text.withCString { xmlCtxtReadMemory(parser, $0, count, name, nil, options) }
    }

    /// libxml2's global set-up, once per process before any other call (`xmlInitParser`).
    private static let initialize: Void = { xmlInitParser() }()
}
