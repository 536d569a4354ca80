/// One subfield of a data field: a code and a value.
///
/// MARC21 codes are lowercase letters and digits; danMARC2 also uses upper-case letters and `æ ø å`.
public struct Subfield: Hashable, Sendable {
    /// The subfield code.
    public var code: Unicode.Scalar
    /// The value, as Unicode text.
    public var value: String

    /// Creates a subfield.
    public init(_ code: Unicode.Scalar, _ value: String) {
        self.code = code
        self.value = value
    }
}
