internal import Foundation
public import Libvirt

/// Stops a domain the way an operator would: ACPI shutdown, wait, then pull the plug.
public struct DomainStopper: Sendable {
    /// How often the domain's state is polled while waiting.
    public var pollSeconds: Double

    public init(pollSeconds: Double = 0.2) { self.pollSeconds = pollSeconds }

    /// Returns once the domain is off; destroys it if it ignores ACPI for `timeoutSeconds`.
    public func stop(_ domain: LibvirtDomain, timeoutSeconds: Int) throws(LibvirtError) {
        guard try domain.isActive() else { return }
        do {
            try domain.shutdown()
        } catch {
            // A guest without ACPI (or a paused one) refuses the request: go straight to destroy.
            try destroyIfActive(domain)
            return
        }
        let deadline = ContinuousClock.now.advanced(by: .seconds(timeoutSeconds))
        while ContinuousClock.now < deadline {
            guard try domain.isActive() else { return }
            Thread.sleep(forTimeInterval: pollSeconds)
        }
        try destroyIfActive(domain)
    }

    private func destroyIfActive(_ domain: LibvirtDomain) throws(LibvirtError) {
        if try domain.isActive() { try domain.destroy() }
    }
}
