/// `Domain.spec.cloudInit` (also beside `spec.xml` of a domain): a NoCloud seed, an ISO 9660 volume
/// labelled `cidata` holding `user-data`, `meta-data` and `network-config`, attached as a cdrom.
///
/// cloud-init reads the seed once per instance-id: a changed user-data reaches a booted VM only when
/// the instance-id changes too.
public struct CloudInit: Sendable, Hashable {
    /// One file of the seed: written inline, or read from a file beside the manifest.
    public enum Document: Sendable, Hashable {
        case inline(String)
        /// A path relative to the manifest's file; the source replaces it by its text before planning.
        case file(String)

        /// The text, once known (nil for a file not read yet).
        public var text: String? {
            if case .inline(let text) = self { return text }
            return nil
        }
    }

    public var userData: Document?
    public var metaData: Document?
    public var networkConfig: Document?
    /// The pool the seed volume goes into; by default the pool of the domain's first volume disk.
    public var pool: String?
    /// SHA-256 of the seed's files, set by the source when it reads them (the pure core computes no
    /// digests); the plan shows it instead of the content, which may hold secrets.
    public var digest: String?

    public init(
        userData: Document? = nil,
        metaData: Document? = nil,
        networkConfig: Document? = nil,
        pool: String? = nil,
        digest: String? = nil
    ) {
        self.userData = userData
        self.metaData = metaData
        self.networkConfig = networkConfig
        self.pool = pool
        self.digest = digest
    }

    /// The seed's three documents by their file names, in the seed's order.
    public var documents: [(name: String, document: Document?)] {
        [("user-data", userData), ("meta-data", metaData), ("network-config", networkConfig)]
    }
}
