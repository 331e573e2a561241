import Foundation
import Libvirt

/// Waits, within one bound for a whole observation, for objects libvirtd is still working on: a domain
/// `paused (starting up)` or `shutting down`, a pool being built, a volume being allocated. Acting on
/// such a state is wrong (a resume sent to a domain libvirtd is about to run fails), and it ends on its
/// own, often because libvirtd finishes the last call of a client that was killed meanwhile.
struct Settling {
    let deadline: ContinuousClock.Instant
    static let pollInterval = 0.05

    init(timeout: Duration = .seconds(15)) { deadline = .now + timeout }

    /// Polls `transition` until it reports none or the bound passes; returns the one still under way.
    func wait(for transition: () throws(LibvirtError) -> Transition?) throws(LibvirtError) -> Transition? {
        while let current = try transition() {
            if ContinuousClock.now >= deadline { return current }
            Thread.sleep(forTimeInterval: Self.pollInterval)
        }
        return nil
    }

    /// Runs `read` again while libvirtd answers that the object is busy, until the bound passes.
    func retryWhileBusy<T>(_ read: () throws -> T) throws -> T {
        while true {
            do {
                return try read()
            } catch let error as LibvirtError where error.isBusy && ContinuousClock.now < deadline {
                Thread.sleep(forTimeInterval: Self.pollInterval)
            }
        }
    }
}
