internal import Yams

extension HealthCheck {
    /// Reads `spec.health: {timeout, runningFor, guestAgent, tcp}`; at least one condition besides the
    /// timeout is implied by `runningFor`'s default.
    init?(reading field: Field) {
        guard let health = field.mapping(["timeout", "runningFor", "guestAgent", "tcp"]) else { return nil }
        var check = HealthCheck()
        var valid = true
        if let node = health.optional("timeout") {
            if let seconds = node.seconds(), seconds > 0 { check.timeoutSeconds = seconds } else { valid = false }
        }
        if let node = health.optional("runningFor") {
            if let seconds = node.seconds() { check.runningForSeconds = seconds } else { valid = false }
        }
        if let node = health.optional("guestAgent") {
            if let on = node.bool() { check.guestAgent = on } else { valid = false }
        }
        if let node = health.optional("tcp") {
            check.tcp = node.string().flatMap { text in
                Endpoint(parsing: text) ?? node.mismatch("ADDRESS:PORT such as 192.168.122.10:22 or [fd00::5]:443")
            }
            if check.tcp == nil { valid = false }
        }
        if valid, check.runningForSeconds >= check.timeoutSeconds {
            health.optional("runningFor")?.error(
                "runningFor (\(check.runningForSeconds)s) must be shorter than timeout (\(check.timeoutSeconds)s)"
            )
            valid = false
        }
        guard valid else { return nil }
        self = check
    }
}
