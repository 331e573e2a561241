/// What goes wrong in the test support itself: a child that cannot start or exits badly, a port that
/// cannot be bound, a server that does not come up.
public struct SupportFailure: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}
