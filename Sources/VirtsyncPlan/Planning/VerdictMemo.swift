/// Remembers which objects a plan found in sync, by exactly what it compared, so that a later plan of
/// the same inputs skips the comparison (and the host edge skips parsing a definition it has seen).
///
/// A verdict is only ever reused for identical inputs: the rendered document and the manifest's other
/// facts, libvirt's text of the object and its state, and the build of virtsync and libvirt that judged
/// it (see `VerdictStore`). Anything that changes on either side, such as a hand edit, a new manifest or
/// an upgrade, misses the memo and is compared in full.
public protocol VerdictMemo: Sendable {
    /// The memo's entry for this managed object and host state: found in sync before, or not (nil when
    /// it cannot say, e.g. for a host state not read from libvirt).
    func lookUp(_ object: DesiredObject, _ have: ObservedObject) -> VerdictLookup?
    /// Notes that the plan found the object of this lookup in sync.
    func noteInSync(_ lookup: VerdictLookup)
}

/// One object's entry in a `VerdictMemo`: its key, computed once whether it is found or then noted.
public struct VerdictLookup: Sendable, Hashable {
    /// A digest of everything the object's step reads.
    public let key: ContentDigest
    /// The digest of the host's persistent definition, which the host edge may leave unparsed next time.
    public let definition: ContentDigest
    /// Found in sync by an earlier plan.
    public let inSync: Bool

    public init(key: ContentDigest, definition: ContentDigest, inSync: Bool) {
        self.key = key
        self.definition = definition
        self.inSync = inSync
    }
}
