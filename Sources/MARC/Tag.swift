/// A three-character field tag: `245`, `001`, or a danMARC2 letter tag such as `d08`, `s10`, `z99`.
///
/// Stored as three bytes packed in a `UInt32`, so tags compare, hash and sort without allocating.
/// Tags order byte-wise, which puts `001` before `245` before `d08`.
public struct Tag: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The three bytes packed big-endian into the low 24 bits.
    public let rawValue: UInt32

    /// Creates a tag from three raw bytes (as found in an ISO 2709 directory).
    @inlinable
    public init(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) {
        rawValue = UInt32(b0) << 16 | UInt32(b1) << 8 | UInt32(b2)
    }

    /// Creates a tag from a string of exactly three ASCII characters; `nil` otherwise.
    public init?(_ string: String) {
        let u = Array(string.utf8)
        guard u.count == 3, u.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        self.init(u[0], u[1], u[2])
    }

    /// Creates a tag from a literal such as `"245"`. A literal that is not three ASCII characters becomes `???`.
    public init(stringLiteral value: String) {
        self = Tag(value) ?? Tag(0x3F, 0x3F, 0x3F)
    }

    /// The three bytes of the tag.
    @inlinable
    public var bytes: (UInt8, UInt8, UInt8) {
        (UInt8(truncatingIfNeeded: rawValue >> 16), UInt8(truncatingIfNeeded: rawValue >> 8), UInt8(truncatingIfNeeded: rawValue))
    }

    /// The tag as text. Bytes outside printable ASCII are shown as `?`.
    public var description: String {
        let (a, b, c) = bytes
        let printable: (UInt8) -> Unicode.Scalar = { $0 > 0x20 && $0 < 0x7F ? Unicode.Scalar($0) : "?" }
        var s = String.UnicodeScalarView()
        s.append(printable(a)); s.append(printable(b)); s.append(printable(c))
        return String(s)
    }

    /// True for `000`–`009`: the MARC21 control-field range (danMARC2 gives these fields subfields).
    @inlinable
    public var isControlRange: Bool {
        let (a, b, c) = bytes
        return a == 0x30 && b == 0x30 && c >= 0x30 && c <= 0x39
    }

    /// True when all three characters are ASCII digits.
    @inlinable
    public var isNumeric: Bool {
        let (a, b, c) = bytes
        return a &- 0x30 < 10 && b &- 0x30 < 10 && c &- 0x30 < 10
    }

    /// True when every byte is printable ASCII (digits, letters, punctuation).
    @inlinable
    public var isWellFormed: Bool {
        let (a, b, c) = bytes
        return a &- 0x21 < 0x5E && b &- 0x21 < 0x5E && c &- 0x21 < 0x5E
    }

    /// Byte-wise order.
    public static func < (lhs: Tag, rhs: Tag) -> Bool { lhs.rawValue < rhs.rawValue }
}
