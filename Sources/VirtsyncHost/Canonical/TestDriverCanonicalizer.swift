import Foundation
import LibXML2
public import Libvirt
public import LibvirtXML
import Synchronization
public import VirtsyncManifest
public import VirtsyncPlan

/// libvirt's spelling of a document, from a round trip through libvirt's own parser and formatter.
///
/// libvirt's test driver runs inside this process and shares the domain, network and pool XML code with
/// the QEMU driver: a document defined there and read back (inactive, with security-sensitive values)
/// comes out as libvirt keeps it. A private instance (a `test://` URI naming an empty node file) keeps
/// the round trips away from `test:///default`, which the rest of the process may use. Each round trip
/// defines under a name of its own and without the UUID, so documents canonicalized at once on several
/// threads, or matching objects that exist, never clash; name and UUID are put back afterwards.
///
/// Results are cached by the document's content for the life of the value, so an agent's reconcile does
/// each distinct document once.
public final class TestDriverCanonicalizer: XMLCanonicalizer {
    /// Opened at the first round trip: a plan whose documents all match as rendered never pays for it.
    private let driver = Mutex<LibvirtConnection?>(nil)
    private let cache = Mutex<[CacheKey: XElement?]>([:])
    private let serial = Atomic<Int>(0)

    private struct CacheKey: Hashable {
        var kind: ManifestKind
        var text: String
    }

    public init() {}

    /// The private test driver, opened once; nil when libvirt cannot open it.
    private func connection() -> LibvirtConnection? {
        driver.withLock { driver in
            if let driver { return driver }
            let node = FileManager.default.temporaryDirectory
                .appendingPathComponent("virtsync-canonical-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).xml")
            guard (try? Data("<node/>\n".utf8).write(to: node)) != nil else { return nil }
            defer { try? FileManager.default.removeItem(at: node) }
            driver = try? LibvirtConnection(uri: "test://\(node.path)")
            return driver
        }
    }

    public func canonical(_ xml: XElement, kind: ManifestKind) -> XElement? {
        let key = CacheKey(kind: kind, text: xml.xmlString())
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let result = roundTrip(xml, kind: kind)
        cache.withLock { $0[key] = result }
        return result
    }

    private func roundTrip(_ xml: XElement, kind: ManifestKind) -> XElement? {
        var document = xml
        let uuid = document.child("uuid")
        document.setChild("uuid", nil)
        guard var name = document.child("name") else { return nil }
        let original = name.text
        name.text = "virtsync-canonical-\(serial.add(1, ordering: .relaxed).newValue)"
        document.setChild("name", name)
        guard var result = try? define(document.xmlString(), kind: kind) else { return nil }
        name.text = original
        result.setChild("name", name)
        result.setChild("uuid", uuid.map { XElement("uuid", text: $0.text?.lowercased()) })
        return result
    }

    /// Defines, reads back and undefines one document on the private driver.
    private func define(_ text: String, kind: ManifestKind) throws -> XElement? {
        guard let connection = connection() else { return nil }
        let read: String
        switch kind {
        case .domain:
            let domain = try connection.defineDomain(xml: text)
            defer { try? domain.undefine() }
            read = try domain.xml(inactive: true, secure: true)
        case .network:
            let network = try connection.defineNetwork(xml: text)
            defer { try? network.undefine() }
            read = try network.xml(inactive: true)
        case .storagePool:
            let pool = try connection.defineStoragePool(xml: text)
            defer { try? pool.undefine() }
            read = try pool.xml(inactive: true)
        case .volume:
            return nil
        }
        return try XMLTreeReader.element(parsing: read)
    }
}
