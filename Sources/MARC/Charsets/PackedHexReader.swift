/// Reads fixed-width upper-case hex numbers from a generated `StaticString` table,
/// skipping the line breaks the generator inserts.
struct PackedHexReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    /// Creates a reader over the UTF-8 bytes of a static string.
    init(_ table: StaticString) {
        bytes = UnsafeBufferPointer(start: table.utf8Start, count: table.utf8CodeUnitCount)
    }

    /// Whether any hex digits are left.
    var isAtEnd: Bool {
        mutating get {
            skipLineBreaks()
            return position >= bytes.count
        }
    }

    private mutating func skipLineBreaks() {
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D {
            position += 1
        }
    }

    /// Reads `width` hex digits as a number; a malformed table yields 0 (never traps).
    mutating func read(_ width: Int) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<width {
            skipLineBreaks()
            guard position < bytes.count else { return value }
            value = value << 4 | UInt32(charsetHexDigitValue(bytes[position]) ?? 0)
            position += 1
        }
        return value
    }
}

/// The value of one ASCII hex digit (either case), or nil.
@inline(__always)
func charsetHexDigitValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: return byte &- 0x30
    case 0x41...0x46: return byte &- 0x37
    case 0x61...0x66: return byte &- 0x57
    default: return nil
    }
}
