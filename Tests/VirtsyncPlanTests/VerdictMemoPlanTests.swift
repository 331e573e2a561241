import LibvirtXML
import Synchronization
import Testing
import VirtsyncManifest
import VirtsyncPlan

/// The planner asks the memo before comparing a managed object and tells it what it found in sync; it
/// never asks for objects whose step depends on more than themselves (volumes) or that it adopts.
@Suite("planning with a verdict memo")
struct VerdictMemoPlanTests {
    /// Says "in sync" for everything when `answer` is true, and records what it is asked and told.
    final class RecordingMemo: VerdictMemo {
        let answer: Bool
        let asked = Mutex<[ObjectID]>([])
        let noted = Mutex<[ObjectID]>([])
        /// Each lookup's key stands for the object it was made for.
        private let objects = Mutex<[ContentDigest: ObjectID]>([:])

        init(answer: Bool) { self.answer = answer }

        func lookUp(_ object: DesiredObject, _ have: ObservedObject) -> VerdictLookup? {
            asked.withLock { $0.append(object.id) }
            let key = ContentDigest(
                bytes: Array(object.id.description.utf8.prefix(32))
                    + Array(repeating: 0, count: 32 - min(32, object.id.description.utf8.count))
            )!
            objects.withLock { $0[key] = object.id }
            return VerdictLookup(key: key, definition: key, inSync: answer)
        }

        func noteInSync(_ lookup: VerdictLookup) {
            let id = objects.withLock { $0[lookup.key] }
            noted.withLock { $0.append(id!) }
        }
    }

    static let domain = RenderExamples.myvmDomain

    static func observed(memory: String) -> ObservedState {
        var xml = Renderer.render(domain)
        xml.setChild("memory", XElement("memory", ["unit": "KiB"], text: memory))
        return ObservedState(objects: [
            domain.id: ObservedObject(id: domain.id, xml: xml, active: true, power: .running)
        ])
    }

    static func plan(_ memo: RecordingMemo, memory: String, managed: Bool = true, adopt: Bool = false) -> Plan {
        Planner(options: PlanOptions(adopt: adopt), memo: memo).plan(
            [domain],
            observed: observed(memory: memory),
            inventory: Inventory(uri: "test:///default", entries: managed ? [.init(id: domain.id)] : [])
        )
    }

    static var renderedMemory: String { Renderer.render(domain).child("memory")!.text! }

    @Test("an object found in sync is noted; a changed one is not")
    func notes() {
        let memo = RecordingMemo(answer: false)
        #expect(Self.plan(memo, memory: Self.renderedMemory).steps.isEmpty)
        #expect(memo.noted.withLock { $0 } == [Self.domain.id])
        let other = RecordingMemo(answer: false)
        #expect(Self.plan(other, memory: "1").steps.count == 1)
        #expect(other.noted.withLock { $0 }.isEmpty)
    }

    @Test("a memo's verdict stands for the comparison: what it knows in sync is not compared")
    func answers() {
        // The memo is trusted: it answers only for inputs it has seen judged in sync (VerdictStore keys
        // them by everything the step reads), so here a changed memory passes as known.
        let memo = RecordingMemo(answer: true)
        #expect(Self.plan(memo, memory: "1").steps.isEmpty)
        #expect(memo.asked.withLock { $0 } == [Self.domain.id])
    }

    @Test("an object being adopted is never looked up nor noted: adopting changes the inventory")
    func adoption() {
        let memo = RecordingMemo(answer: true)
        let plan = Self.plan(memo, memory: Self.renderedMemory, managed: false, adopt: true)
        #expect(plan.steps.map(\.id) == [Self.domain.id])
        #expect(memo.asked.withLock { $0 }.isEmpty)
        #expect(memo.noted.withLock { $0 }.isEmpty)
    }

    @Test("volumes are never looked up nor noted")
    func volumes() {
        let volume = RenderExamples.ubuntuVolume
        let have = ObservedObject(id: volume.id, xml: Renderer.render(volume), active: true)
        let memo = RecordingMemo(answer: true)
        _ = Planner(memo: memo).plan(
            [volume],
            observed: ObservedState(objects: [volume.id: have]),
            inventory: Inventory(uri: "test:///default", entries: [.init(id: volume.id)])
        )
        #expect(memo.asked.withLock { $0 }.isEmpty)
        #expect(memo.noted.withLock { $0 }.isEmpty)
    }
}
