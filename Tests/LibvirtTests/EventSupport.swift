import Libvirt
import Synchronization
import Testing

/// How long any event may take to arrive: the agent's promise is that a hand edit is seen within a second.
let eventDeadline = Duration.seconds(1)

/// A connection that can deliver events: the loop must run before the connection opens.
func eventConnection() throws -> LibvirtConnection {
    try LibvirtEventLoop.shared.start()
    return try LibvirtConnection(uri: testURI)
}

/// Reads a stream on a task of its own and records each event with its arrival time, so a test
/// can act and then wait. The drivers are shared by tests running in parallel: filter by name.
final class EventLog: Sendable {
    /// One event and when the reader saw it.
    struct Entry: Sendable {
        let event: LibvirtEvent
        let arrival: ContinuousClock.Instant
    }

    private let entries = Mutex<[Entry]>([])
    private let reader = Mutex<Task<Void, Never>?>(nil)

    /// Subscribes to the connection's events and starts reading them.
    convenience init(_ connection: LibvirtConnection) throws {
        self.init(stream: try connection.events())
    }

    init(stream: LibvirtEventStream) {
        let task = Task(executorPreference: EventReaders.executor) { [self] in
            for await event in stream {
                entries.withLock { $0.append(Entry(event: event, arrival: .now)) }
            }
        }
        reader.withLock { $0 = task }
    }

    /// Ends the stream by cancelling its reader, which deregisters the callbacks.
    func stop() {
        reader.withLock { $0?.cancel() }
    }

    /// `stop()`, returning once the reader has ended, and with it the stream and its callbacks.
    func finish() async {
        stop()
        await reader.withLock { $0 }?.value
    }

    /// The recorded events that concern `name`, in arrival order.
    func events(about name: String) -> [LibvirtEvent] {
        entries(about: name).map(\.event)
    }

    /// Waits until `count` events about `name` have arrived or `timeout` passed, and returns those
    /// that did; polling every millisecond bounds the error of a measured latency.
    @discardableResult
    func wait(for count: Int, about name: String, within timeout: Duration = eventDeadline) async -> [Entry] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let found = entries(about: name)
            if found.count >= count { return found }
            try? await Task.sleep(for: .milliseconds(1))
        }
        return entries(about: name)
    }

    /// Waits until `event` has arrived or `timeout` passed, and returns the events about its object so far.
    @discardableResult
    func wait(until event: LibvirtEvent, within timeout: Duration = eventDeadline) async -> [LibvirtEvent] {
        let name = event.objectName ?? ""
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, !events(about: name).contains(event) {
            try? await Task.sleep(for: .milliseconds(1))
        }
        return events(about: name)
    }

    private func entries(about name: String) -> [Entry] {
        entries.withLock { $0.filter { $0.event.objectName == name } }
    }
}

extension Array where Element: Equatable {
    /// Whether `other` appears in this array in order, possibly with other elements in between.
    func containsInOrder(_ other: [Element]) -> Bool {
        var rest = other[...]
        for element in self where element == rest.first {
            rest = rest.dropFirst()
        }
        return rest.isEmpty
    }
}

extension LibvirtEvent {
    /// The name of the object the event is about; nil for the connection's own events.
    var objectName: String? {
        switch self {
        case .domain(let name, _), .network(let name, _), .storagePool(let name, _): name
        case .connectionClosed: nil
        }
    }
}
