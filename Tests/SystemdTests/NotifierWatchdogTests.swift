import Foundation
import Systemd
import Testing

extension ProcessEnvironmentTests {
    /// `Notifier.watchdogInterval()` reads the watchdog timeout systemd passes in the environment.
    @Suite("watchdog interval")
    struct NotifierWatchdogTests {
        @Test("WATCHDOG_USEC for this process gives the interval")
        func interval() throws {
            let interval = try withEnvironment(["WATCHDOG_USEC": "2500000", "WATCHDOG_PID": String(getpid())]) {
                try Notifier().watchdogInterval()
            }
            #expect(interval == .milliseconds(2500))
        }

        @Test("no WATCHDOG_USEC, or one meant for another process, gives nil")
        func none() throws {
            let unset = try withEnvironment(["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
                try Notifier().watchdogInterval()
            }
            let otherProcess = try withEnvironment(["WATCHDOG_USEC": "2500000", "WATCHDOG_PID": String(getpid() + 1)]) {
                try Notifier().watchdogInterval()
            }
            #expect(unset == nil)
            #expect(otherProcess == nil)
        }

        @Test("a malformed WATCHDOG_USEC throws EINVAL")
        func malformed() {
            let error = withEnvironment(["WATCHDOG_USEC": "soon", "WATCHDOG_PID": nil]) {
                #expect(throws: SystemdError.self) { try Notifier().watchdogInterval() }
            }
            #expect(error?.operation == "sd_watchdog_enabled")
            #expect(error?.errno == EINVAL)
        }
    }
}
