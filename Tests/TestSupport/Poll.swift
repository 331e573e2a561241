import Foundation

/// Checks `condition` every `interval` until it holds or `timeout` passes; returns whether it held. It
/// is checked once more at the deadline, so a slow last interval cannot turn a success into a failure.
@discardableResult
public func poll(timeout: Duration, every interval: Duration = .milliseconds(100), _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while true {
        if condition() { return true }
        if ContinuousClock.now >= deadline { return false }
        Thread.sleep(
            forTimeInterval: Double(interval.components.attoseconds) / 1e18 + Double(interval.components.seconds)
        )
    }
}
