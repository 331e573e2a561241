import Foundation
public import Libvirt
public import VirtsyncManifest

/// Watches one domain after the agent (re)started it until its `HealthCheck` holds or fails.
///
/// Blocking, polled every `every`: the domain must keep running for `runningFor` (stopping, pausing or
/// crashing fails at once), and within `timeout` the guest agent must answer and the TCP port accept.
public struct HealthProbe: Sendable {
    public let connection: LibvirtConnection
    public var every: Duration

    public init(connection: LibvirtConnection, every: Duration = .milliseconds(250)) {
        self.connection = connection
        self.every = every
    }

    /// How a check ended.
    public enum Verdict: Sendable, Hashable {
        case healthy(afterSeconds: Double)
        case failed(reason: String, afterSeconds: Double)
    }

    /// Watches the domain `id` until `check` passes or its timeout ends.
    public func watch(_ id: ObjectID, _ check: HealthCheck) -> Verdict {
        let start = ContinuousClock.now
        let deadline = start + .seconds(check.timeoutSeconds)
        var runningSince: ContinuousClock.Instant?
        var agentAnswered = !check.guestAgent
        var portAccepted = check.tcp == nil
        while true {
            let elapsed = Self.seconds(ContinuousClock.now - start)
            let domain: LibvirtDomain?
            do {
                domain = try connection.lookupDomain(name: id.name)
            } catch {
                return .failed(reason: "cannot read the domain: \(error)", afterSeconds: elapsed)
            }
            guard let domain else { return .failed(reason: "the domain is gone", afterSeconds: elapsed) }
            let state = (try? domain.state()) ?? .noState
            if state == .running || state == .blocked {
                runningSince = runningSince ?? ContinuousClock.now
            } else if runningSince != nil || state == .shutoff || state == .crashed {
                return .failed(
                    reason: "the domain stopped running (\(state.rawValue)) after \(Self.format(elapsed))",
                    afterSeconds: elapsed
                )
            }
            if !agentAnswered { agentAnswered = domain.guestAgentAnswers() }
            if !portAccepted, let tcp = check.tcp { portAccepted = TCPProbe.accepts(host: tcp.host, port: tcp.port) }
            let ranLongEnough =
                runningSince.map { ContinuousClock.now - $0 >= .seconds(check.runningForSeconds) } ?? false
            if ranLongEnough && agentAnswered && portAccepted {
                return .healthy(afterSeconds: Self.seconds(ContinuousClock.now - start))
            }
            if ContinuousClock.now >= deadline {
                return .failed(
                    reason: Self.unmet(check, running: ranLongEnough, agent: agentAnswered, port: portAccepted),
                    afterSeconds: elapsed
                )
            }
            Thread.sleep(forTimeInterval: Self.seconds(every))
        }
    }

    /// What did not happen within the timeout, in one sentence.
    static func unmet(_ check: HealthCheck, running: Bool, agent: Bool, port: Bool) -> String {
        var missing: [String] = []
        if !running { missing.append("it did not run for \(check.runningForSeconds)s") }
        if !agent { missing.append("the guest agent never answered") }
        if !port, let tcp = check.tcp { missing.append("\(tcp) never accepted a connection") }
        return "within \(check.timeoutSeconds)s " + missing.joined(separator: ", ")
    }

    public static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    public static func format(_ seconds: Double) -> String { String(format: "%.1fs", seconds) }
}
