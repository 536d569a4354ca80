/// The 24-byte record leader.
///
/// Positions follow ISO 2709 and MARC21: 00–04 record length, 05 status, 06 type, 07 bibliographic level,
/// 09 character coding (`a` = UTF-8), 10 indicator count, 11 subfield-code length, 12–16 base address,
/// 20–23 entry map (`4500`). Malformed leaders are kept as they were read; the accessors return `nil`
/// where a numeric position does not hold digits.
public struct Leader: Hashable, Sendable, CustomStringConvertible {
    /// The raw leader bytes; always 24 of them (a short leader read leniently is padded with blanks).
    public private(set) var bytes: [UInt8]


    /// A blank MARC21 bibliographic leader: `00000nam a2200000 i 4500` with lengths filled in on write.
    public static let defaultMARC21 = Leader(ascii: "00000nam a2200000 i 4500")

    /// Creates a leader from bytes, padding with blanks or truncating to 24.
    public init(bytes: [UInt8]) {
        if bytes.count == 24 {
            self.bytes = bytes
        } else {
            var b = Array(bytes.prefix(24))
            if b.count < 24 { b.append(contentsOf: repeatElement(0x20, count: 24 - b.count)) }
            self.bytes = b
        }
    }

    /// Creates a leader from bytes, padding with blanks or truncating to 24.
    public init<S: Sequence>(bytes: S) where S.Element == UInt8 {
        var b = Array(bytes.prefix(24))
        if b.count < 24 { b.append(contentsOf: repeatElement(0x20, count: 24 - b.count)) }
        self.bytes = b
    }

    /// Creates a leader from text (UTF-8 bytes), padding or truncating to 24 bytes.
    public init(ascii: String) { self.init(bytes: ascii.utf8) }

    /// The leader as text (bytes outside ASCII shown as U+FFFD).
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    /// The byte at a position (0–23).
    public subscript(position: Int) -> UInt8 {
        get { bytes[position] }
        set { bytes[position] = newValue }
    }

    /// The character at a position, as a `Character`.
    public func character(at position: Int) -> Character { Character(Unicode.Scalar(bytes[position])) }

    /// The number in positions `range`, or `nil` when any byte is not a digit.
    public func number(_ range: Range<Int>) -> Int? { parseDigits(bytes[range]) }

    /// Record length from positions 00–04.
    public var recordLength: Int? { number(0..<5) }
    /// Base address of data from positions 12–16.
    public var baseAddress: Int? { number(12..<17) }
    /// Record status (05).
    public var status: Character { character(at: 5) }
    /// Type of record (06).
    public var typeOfRecord: Character { character(at: 6) }
    /// Bibliographic level (07).
    public var bibliographicLevel: Character { character(at: 7) }
    /// Character coding scheme (09): `a` means UTF-8; blank means MARC-8 (MARC21) or the danMARC2 set.
    public var characterCoding: Character { character(at: 9) }
    /// Indicator count (10); `nil` when not a digit.
    public var indicatorCount: Int? { number(10..<11) }
    /// Subfield code length (11), including the delimiter; `nil` when not a digit.
    public var subfieldCodeLength: Int? { number(11..<12) }

    /// Writes a number right-aligned with zeros into `range` (used by writers).
    mutating func setNumber(_ value: Int, in range: Range<Int>) {
        var v = value
        for i in range.reversed() {
            bytes[i] = UInt8(0x30 + v % 10)
            v /= 10
        }
    }
}

/// Parses ASCII digits; `nil` for an empty slice or any non-digit.
@inline(__always)
func parseDigits<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
    if bytes.isEmpty { return nil }
    var v = 0
    for b in bytes {
        let d = b &- 0x30
        guard d < 10 else { return nil }
        v = v &* 10 &+ Int(d)
    }
    return v
}
