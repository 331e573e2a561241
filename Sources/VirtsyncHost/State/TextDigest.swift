import Crypto
import LibvirtXML
public import VirtsyncPlan

/// SHA-256 of texts libvirt returned and of the facts a verdict depends on (`ContentDigest`).
enum TextDigest {
    static func of(_ text: String) -> ContentDigest {
        var text = text
        return text.withUTF8 { finish(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }

    /// One digest of several parts, trees and digests, each part written with its length first, so
    /// that ("ab", "c") and ("a", "bc") differ.
    struct Builder {
        private var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(1024) }

        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                add(length: utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func add(_ digest: ContentDigest) { digest.withUnsafeBytes { bytes.append(contentsOf: $0) } }

        /// An element as its name, attributes in order, text and children: what the comparator reads,
        /// without printing it as XML first.
        mutating func add(_ element: XElement) {
            add(element.name)
            add(length: element.attributes.count)
            for attribute in element.attributes {
                add(attribute.name)
                add(attribute.value)
            }
            if let text = element.text {
                bytes.append(1)
                add(text)
            } else {
                bytes.append(0)
            }
            add(length: element.children.count)
            for child in element.children { add(child) }
        }

        private mutating func add(length: Int) {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian) { bytes.append(contentsOf: $0) }
        }

        func finish() -> ContentDigest { TextDigest.finish(bytes.withUnsafeBytes { SHA256.hash(data: $0) }) }
    }

    private static func finish(_ digest: SHA256.Digest) -> ContentDigest {
        // A SHA-256 digest is 32 bytes, which is what ContentDigest takes.
        digest.withUnsafeBytes { ContentDigest(raw: $0)! }
    }
}
