/// Remembers which objects a plan found in sync, by exactly what it compared, so that a later plan of
/// the same inputs skips the comparison (and the host edge skips parsing a definition it has seen).
///
/// A verdict is only ever reused for identical inputs: the rendered document and the manifest's other
/// facts, libvirt's text of the object and its state, and the build of virtsync
/// and libvirt that judged it (see `VerdictStore`). Anything that changes on either side, such as a
/// hand edit, a new manifest or an upgrade, misses the memo and is compared in full.
public protocol VerdictMemo: Sendable {
    /// Whether this managed object was found in sync with exactly this host state.
    func isInSync(_ object: DesiredObject, _ have: ObservedObject) -> Bool
    /// Notes that the plan found this managed object in sync with this host state.
    func noteInSync(_ object: DesiredObject, _ have: ObservedObject)
}
