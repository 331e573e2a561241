public import VirtsyncManifest
public import VirtsyncPlan

/// What applying a plan did, object by object: the exit code and the reports are made from this.
public struct ApplyReport: Sendable, Codable {
    /// One step's outcome; a failure carries libvirt's own message.
    public struct Outcome: Sendable, Codable {
        public var id: ObjectID
        public var change: ChangeClass
        public var succeeded: Bool
        public var error: String?
        /// Operations that ran before the failure (all of them on success).
        public var completed: Int
        /// The failure says the host is not as observed (it already exists, already runs, is gone, is
        /// busy): libvirtd finished or is finishing another call on it, perhaps a dead client's. The
        /// object is observed again and planned from there. Not part of the report's JSON.
        public var hostMoved = false

        enum CodingKeys: String, CodingKey { case id, change, succeeded, error, completed }

        public init(id: ObjectID, change: ChangeClass, succeeded: Bool, error: String? = nil, completed: Int) {
            self.id = id
            self.change = change
            self.succeeded = succeeded
            self.error = error
            self.completed = completed
        }
    }

    public var outcomes: [Outcome] = []

    public init(outcomes: [Outcome] = []) { self.outcomes = outcomes }

    public var failures: [Outcome] { outcomes.filter { !$0.succeeded } }
    public var succeeded: Bool { failures.isEmpty }
}
