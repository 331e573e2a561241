/// Something that tells operators what the agent did: journald, the status file, metrics.
///
/// Reporters never throw into the reconcile loop: a reporter that cannot write logs it and goes on.
public protocol Reporter: Sendable {
    /// One event, as it happens.
    func report(_ event: AgentEvent)
    /// The whole picture after a reconcile (and its duration in seconds).
    func reconciled(_ status: AgentStatus, duration: Double)
}
