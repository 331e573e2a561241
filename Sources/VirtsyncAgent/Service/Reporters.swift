import VirtsyncReport

/// Fans each event and status out to every reporter (journald, status file, metrics), in order.
struct Reporters: Reporter {
    var all: [any Reporter]

    func report(_ event: AgentEvent) { for reporter in all { reporter.report(event) } }

    func reconciled(_ status: AgentStatus, duration: Double) {
        for reporter in all { reporter.reconciled(status, duration: duration) }
    }
}
