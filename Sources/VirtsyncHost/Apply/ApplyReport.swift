public import VirtsyncManifest
public import VirtsyncPlan

/// What applying a plan did, object by object: the exit code and the reports are made from this.
public struct ApplyReport: Sendable, Codable {
    /// One step's outcome; a failure keeps libvirt's code, domain and message.
    public struct Outcome: Sendable, Codable {
        public var id: ObjectID
        public var change: ChangeClass
        /// Why the step failed; nil when it succeeded.
        public var failure: ApplyFailure?
        /// Operations that ran before the failure (all of them on success).
        public var completed: Int
        /// The failure says the host is not as observed (it already exists, already runs, is gone, is
        /// busy): libvirtd finished or is finishing another call on it, perhaps a dead client's. The
        /// object is observed again and planned from there. Not part of the report's JSON.
        public var hostMoved = false

        public var succeeded: Bool { failure == nil }
        /// The failure as text, what the report's JSON and the reporters show.
        public var error: String? { failure?.message }

        public init(id: ObjectID, change: ChangeClass, failure: ApplyFailure? = nil, completed: Int) {
            self.id = id
            self.change = change
            self.failure = failure
            self.completed = completed
        }

        enum CodingKeys: String, CodingKey { case id, change, succeeded, error, completed }

        /// The JSON of earlier versions, key for key: the failure as its text.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(change, forKey: .change)
            try container.encode(succeeded, forKey: .succeeded)
            try container.encodeIfPresent(error, forKey: .error)
            try container.encode(completed, forKey: .completed)
        }

        /// Reads what `encode` writes; a failure read back has its text only.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(ObjectID.self, forKey: .id)
            change = try container.decode(ChangeClass.self, forKey: .change)
            completed = try container.decode(Int.self, forKey: .completed)
            let error = try container.decodeIfPresent(String.self, forKey: .error)
            let succeeded = try container.decode(Bool.self, forKey: .succeeded)
            failure = succeeded ? nil : ApplyFailure(object: id, message: error ?? "failed")
        }
    }

    public var outcomes: [Outcome] = []

    public init(outcomes: [Outcome] = []) { self.outcomes = outcomes }

    public var failures: [Outcome] { outcomes.filter { !$0.succeeded } }
    public var succeeded: Bool { failures.isEmpty }
}
