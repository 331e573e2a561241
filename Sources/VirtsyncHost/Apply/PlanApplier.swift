import Dispatch
public import Libvirt
public import VirtsyncImages
public import VirtsyncManifest
public import VirtsyncPlan

import class Foundation.Thread

/// Executes a plan against libvirt: one object at a time, in the plan's order.
///
/// A failing operation stops only its own step: the error (libvirt's message and code) is recorded and
/// the next object is applied. Suspended and refused steps are never executed.
public struct PlanApplier: Sendable {
    let connection: LibvirtConnection
    let stopper: DomainStopper
    /// Where images by URL are fetched to; a volume from an image fails without one.
    let images: ImageCache
    /// Told how a long download is going (the log, the status file).
    let progress: @Sendable (ObjectID, DownloadProgress) -> Void

    public init(
        connection: LibvirtConnection,
        stopper: DomainStopper = DomainStopper(),
        images: ImageCache = ImageCache(directory: "/var/lib/virtsync/images"),
        progress: @escaping @Sendable (ObjectID, DownloadProgress) -> Void = { _, _ in }
    ) {
        self.connection = connection
        self.stopper = stopper
        self.images = images
        self.progress = progress
    }

    public func apply(_ plan: Plan) -> ApplyReport {
        var report = ApplyReport()
        let pending = plan.pending
        var index = 0
        while index < pending.count {
            // New domains are independent of each other: a run of them is created a few at a time.
            var end = index
            while end < pending.count, Self.isDomainCreation(pending[end]) { end += 1 }
            if end - index > 1 {
                report.outcomes += outcomes(concurrently: Array(pending[index..<end]))
                index = end
            } else {
                report.outcomes.append(outcome(pending[index]))
                index += 1
            }
        }
        return report
    }

    /// How many domains are created at once: libvirtd serves a client's calls on several workers (5
    /// at a time by default, `max_client_requests`), so a define's parsing and saving overlaps others'.
    static let creationWidth = 4

    static func isDomainCreation(_ step: PlanStep) -> Bool { step.id.kind == .domain && step.change == .create }

    /// The steps' outcomes, in the steps' order, `creationWidth` at a time.
    private func outcomes(concurrently steps: [PlanStep]) -> [Outcome] {
        BlockingWorkers.map(steps, width: Self.creationWidth) { outcome($0) }
    }

    /// One step executed: its operations in order, stopping at the first that fails.
    private func outcome(_ step: PlanStep) -> Outcome {
        var completed = 0
        do {
            try execute(step) { completed += 1 }
            return Outcome(id: step.id, change: step.change, completed: completed)
        } catch {
            let operation = step.operations.indices.contains(completed) ? step.operations[completed] : nil
            let failure = ApplyFailure(object: step.id, operation: operation, error: error)
            var outcome = Outcome(id: step.id, change: step.change, failure: failure, completed: completed)
            outcome.hostMoved = Self.hostMoved(error)
            return outcome
        }
    }

    typealias Outcome = ApplyReport.Outcome

    private static func hostMoved(_ error: any Error) -> Bool {
        if case HostError.notFound = error { return true }
        if case HostError.missing = error { return true }
        guard let error = ApplyFailure.libvirtError(in: error) else { return false }
        return error.isAlreadyDone || error.isNotFound || error.isBusy || error.isNotRunning
    }

    private func execute(_ step: PlanStep, progress: () -> Void) throws {
        switch step.id.kind {
        case .domain:
            try DomainOperations(connection: connection, stopper: stopper, id: step.id).run(step.operations, progress)
        case .network: try NetworkOperations(connection: connection, id: step.id).run(step.operations, progress)
        case .storagePool: try PoolOperations(connection: connection, id: step.id).run(step.operations, progress)
        case .volume:
            let id = step.id
            let report = self.progress
            try VolumeOperations(connection: connection, id: id, images: images, progress: { report(id, $0) })
                .run(step.operations, progress)
        }
    }
}

/// An operation that makes no sense for a kind: a planner bug, reported as the step's failure.
struct UnsupportedOperation: Error, CustomStringConvertible {
    var operation: Operation
    var kind: ManifestKind
    var description: String { "operation '\(operation)' does not apply to a \(kind.rawValue)" }
}
