import Dispatch
import LibvirtXML
import Synchronization
import VirtsyncManifest

/// Parses the definitions libvirt returns on a thread of its own, so that parsing one overlaps the round
/// trip that fetches the next: at 500 domains parsing was 40 % of the reading thread's time, and the
/// no-op plan waits for that thread.
final class BackgroundXMLParser: Sendable {
    private let queue = DispatchQueue(label: "virtsync.observe.xml")
    private let group = DispatchGroup()
    private let parsed = Mutex<[ObjectID: Result<XElement, HostError>]>([:])

    /// Queues one object's text; its tree is in `results()`.
    func parse(_ text: String, of id: ObjectID) {
        queue.async(group: group) {
            let result = Result { () throws(HostError) in try HostReader.parse(text, id) }
            self.parsed.withLock { $0[id] = result }
        }
    }

    /// Waits for every queued text and returns the trees of `objects` (an object that vanished after
    /// its text was queued is not among them). A malformed one fails the whole observation, as a parse
    /// on the reading thread did; of several, the first by object names the error so that it is stable.
    func results(for objects: Set<ObjectID>) throws(HostError) -> [ObjectID: XElement] {
        group.wait()
        let all = parsed.withLock { $0 }.filter { objects.contains($0.key) }
        var trees: [ObjectID: XElement] = [:]
        trees.reserveCapacity(all.count)
        for id in all.keys.sorted() {
            switch all[id]! {
            case .success(let tree): trees[id] = tree
            case .failure(let error): throw error
            }
        }
        return trees
    }
}
