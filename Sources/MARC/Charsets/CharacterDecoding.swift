// The character-set entry points module MARC calls. See Docs/CHARSETS.md.

/// A problem met while decoding a value from a legacy character set.
package struct CharsetIssue: Sendable, Hashable {
    /// Byte offset of the problem within the value.
    package var offset: Int
    /// A human sentence.
    package var message: String
    /// Creates an issue at a byte offset.
    package init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// MARC-8 → Unicode (NFC), with all of LC's code tables. Never fails: undecodable bytes
/// become U+FFFD and are reported (combining marks left without a base at the end of the
/// value are dropped and reported).
///
/// Each call starts with G0 = Basic Latin and G1 = ANSEL, so pass one field or subfield
/// value at a time. Ligature and double-tilde halves (0xEB/0xEC, 0xFA/0xFB) map to
/// U+FE20/U+FE21 and U+FE22/U+FE23, as in LC's table.
///
/// ```swift
/// let bytes: [UInt8] = [0x43, 0xE2, 0x65, 0x6C]  // "C", acute, "e", "l"
/// bytes.withUnsafeBytes { decodeMARC8($0).string }  // "Cél"
/// ```
package func decodeMARC8(_ bytes: UnsafeRawBufferPointer) -> (string: String, issues: [CharsetIssue]) {
    if isPrintableASCII(bytes) { return (String(decoding: bytes, as: UTF8.self), []) }
    let (scalars, issues) = MARC8Decoder.decode(bytes)
    return (makeString(scalars), issues)
}

/// danMARC2 character set (Latin-1 + `@` escapes, danMARC2 Bilag K) → Unicode (NFC).
/// Never fails: malformed escapes are kept literally and reported.
///
/// ```swift
/// Array("Kirkeg@ård @*".utf8) // as Latin-1 bytes → "Kirkegꜳrd *"
/// ```
package func decodeDanMARC2(_ bytes: UnsafeRawBufferPointer) -> (string: String, issues: [CharsetIssue]) {
    if isPrintableASCII(bytes), !bytes.contains(0x40) { return (String(decoding: bytes, as: UTF8.self), []) }
    let (scalars, issues) = DanMARC2Charset.decode(bytes)
    return (makeString(scalars), issues)
}

/// Unicode → danMARC2 character set: Latin-1 bytes, `@@`, `@*`, `@å`/`@Å` for ꜳ/Ꜳ,
/// `@XXXX` for the rest of the BMP (combining marks before their base letter), and a
/// surrogate pair of `@XXXX` beyond it. The same bytes serve ISO 2709 and line format.
package func encodeDanMARC2(_ string: String) -> [UInt8] {
    DanMARC2Charset.encode(string)
}

/// Whether `bytes` is valid UTF-8 that contains at least one multi-byte sequence and no
/// ESC (0x1B): the test for a record that claims MARC-8 (leader/09 blank) but is UTF-8.
/// Pure ASCII returns false (it reads the same either way).
package func looksLikeUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var sawMultibyte = false
    var index = 0
    let count = bytes.count
    while index < count {
        let lead = bytes[index]
        if lead < 0x80 {
            if lead == 0x1B { return false }
            index += 1
            continue
        }
        let (length, minimum, leadBits): (Int, UInt32, UInt32)
        switch lead {
        case 0xC2...0xDF: (length, minimum, leadBits) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, minimum, leadBits) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, minimum, leadBits) = (4, 0x10000, UInt32(lead & 0x07))
        default: return false
        }
        var value = leadBits
        guard index + length <= count else { return false }
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return false }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return false }
        sawMultibyte = true
        index += length
    }
    return sawMultibyte
}

/// Builds a String from scalar values (invalid ones become U+FFFD) without generic overhead.
func makeString(_ scalars: [UInt32]) -> String {
    String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
        var index = 0
        for var scalar in scalars {
            if scalar >= 0xD800, scalar <= 0xDFFF || scalar > 0x10FFFF { scalar = 0xFFFD }
            switch scalar {
            case 0..<0x80:
                buffer[index] = UInt8(truncatingIfNeeded: scalar)
                index += 1
            case 0x80..<0x800:
                buffer[index] = UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6)
                buffer[index + 1] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
                index += 2
            case 0x800..<0x10000:
                buffer[index] = UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12)
                buffer[index + 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
                buffer[index + 2] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
                index += 3
            default:
                buffer[index] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
                buffer[index + 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F)
                buffer[index + 2] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
                buffer[index + 3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
                index += 4
            }
        }
        return index
    }
}

/// Whether every byte is printable ASCII (0x20...0x7E): such a value reads the same in
/// MARC-8, Latin-1 and UTF-8 and needs no decoding.
@inline(__always)
func isPrintableASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    for byte in bytes where byte < 0x20 || byte > 0x7E { return false }
    return true
}
