/// `Domain.spec.health`: what must hold after the agent creates, restarts or replaces the domain for a
/// new revision; when it does not within `timeoutSeconds`, the agent restores the previous definition
/// and power state and refuses that revision on this host until a newer one arrives.
public struct HealthCheck: Sendable, Hashable {
    /// How long every condition has to hold, counted from the start.
    public var timeoutSeconds: Int
    /// The domain must stay running this long without stopping (a guest that halts or crashes fails).
    public var runningForSeconds: Int
    /// The QEMU guest agent must answer (the domain needs an `org.qemu.guest_agent.0` channel).
    public var guestAgent: Bool
    /// A TCP port that must accept a connection from this host: the guest's service, reached as the
    /// host reaches it (`192.168.122.10:22`, `[fd00::5]:443`, `web1.lan:80`).
    public var tcp: Endpoint?

    public init(timeoutSeconds: Int = 300, runningForSeconds: Int = 10, guestAgent: Bool = false, tcp: Endpoint? = nil)
    {
        self.timeoutSeconds = timeoutSeconds
        self.runningForSeconds = runningForSeconds
        self.guestAgent = guestAgent
        self.tcp = tcp
    }

    /// `ADDRESS:PORT`, with an IPv6 address in brackets.
    public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
        public var host: String
        public var port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        /// Reads `host:port`, `[v6]:port`; nil for anything else.
        public init?(parsing text: String) {
            let host: Substring
            let port: Substring
            if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
                host = text[text.index(after: text.startIndex)..<close]
                let rest = text[text.index(after: close)...]
                guard rest.hasPrefix(":") else { return nil }
                port = rest.dropFirst()
            } else {
                guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else { return nil }
                host = text[..<colon]
                port = text[text.index(after: colon)...]
            }
            guard !host.isEmpty, let number = Int(port), (1...65535).contains(number) else { return nil }
            self.init(host: String(host), port: number)
        }

        public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }
}
