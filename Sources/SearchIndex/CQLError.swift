/// A CQL syntax error: where it is and what is wrong, as a sentence.
public struct CQLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based character position of the mistake (query length + 1 for "the query ended too soon").
    public var position: Int
    /// A human sentence that names the position, e.g. "expected ')' at position 17".
    public var message: String

    /// Creates an error.
    public init(position: Int, message: String) {
        self.position = position
        self.message = message
    }

    /// The sentence.
    public var description: String { message }
}
