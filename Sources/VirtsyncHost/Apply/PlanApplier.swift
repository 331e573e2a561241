public import Libvirt
public import VirtsyncPlan
import VirtsyncManifest

/// Executes a plan against libvirt: one object at a time, in the plan's order.
///
/// A failing operation stops only its own step: the error (libvirt's message and code) is recorded and
/// the next object is applied. Suspended and refused steps are never executed.
public struct PlanApplier: Sendable {
    let connection: LibvirtConnection
    let stopper: DomainStopper

    public init(connection: LibvirtConnection, stopper: DomainStopper = DomainStopper()) {
        self.connection = connection
        self.stopper = stopper
    }

    public func apply(_ plan: Plan) -> ApplyReport {
        var report = ApplyReport()
        for step in plan.pending {
            var completed = 0
            do {
                try execute(step) { completed += 1 }
                report.outcomes.append(.init(id: step.id, change: step.change, succeeded: true, completed: completed))
            } catch {
                var outcome = Outcome(id: step.id, change: step.change, succeeded: false, error: "\(error)", completed: completed)
                outcome.hostMoved = Self.hostMoved(error)
                report.outcomes.append(outcome)
            }
        }
        return report
    }

    typealias Outcome = ApplyReport.Outcome

    private static func hostMoved(_ error: any Error) -> Bool {
        if case HostError.notFound = error { return true }
        if case HostError.libvirt(let inner) = error { return hostMoved(inner) }
        guard let error = error as? LibvirtError else { return false }
        return error.isAlreadyDone || error.isNotFound || error.isBusy || error.isNotRunning
    }

    private func execute(_ step: PlanStep, progress: () -> Void) throws {
        switch step.id.kind {
        case .domain: try DomainOperations(connection: connection, stopper: stopper, name: step.id.name).run(step.operations, progress)
        case .network: try NetworkOperations(connection: connection, name: step.id.name).run(step.operations, progress)
        case .storagePool: try PoolOperations(connection: connection, name: step.id.name).run(step.operations, progress)
        case .volume: try VolumeOperations(connection: connection, id: step.id).run(step.operations, progress)
        }
    }
}

/// An operation that makes no sense for a kind: a planner bug, reported as the step's failure.
struct UnsupportedOperation: Error, CustomStringConvertible {
    var operation: Operation
    var kind: ManifestKind
    var description: String { "operation '\(operation)' does not apply to a \(kind.rawValue)" }
}
