/// How long a download may wait: to connect, and between two pieces of data (a stall).
public struct ImageTimeouts: Sendable, Hashable {
    public var connectSeconds: Int
    public var stallSeconds: Int

    public init(connectSeconds: Int = 15, stallSeconds: Int = 60) {
        self.connectSeconds = connectSeconds
        self.stallSeconds = stallSeconds
    }
}
