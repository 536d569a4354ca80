/// The danMARC2 character repertoire (danMARC2 Bilag K): ISO 8859-1 bytes plus `@` escapes.
///
/// The same rules apply in ISO 2709 and in line format (linjeformat): `*` is always written
/// `@*` (DBC's ISO 2709 files carry `N@*E@*R@*D`), so no format parameter is needed.
///
/// | bytes | Unicode |
/// |---|---|
/// | `@@` | `@` |
/// | `@*` | `*` |
/// | `@¤` (0x40 0xA4) | `¤` U+00A4 (literal, non-sorting); a bare `¤` also decodes to U+00A4 |
/// | `@å` (0x40 0xE5) / `@Å` (0x40 0xC5) | `ꜳ` U+A733 / `Ꜳ` U+A732 |
/// | `@XXXX` (4 hex digits, either case) | that BMP scalar |
/// | `@D83D@DE00` (surrogate pair) | one non-BMP scalar (Kartotek extension) |
///
/// The encoder also writes C0 controls (U+0000-U+001F) as `@00XX`, so that a value can never
/// carry a raw ISO 2709 delimiter or a line break.
///
/// Combining marks (`@0301`) precede their base letter in danMARC2; decoding moves them after
/// it and composes to NFC; encoding writes them before it again.
enum DanMARC2Charset {
    private static let at: UInt8 = 0x40
    private static let star: UInt8 = 0x2A
    private static let currency: UInt8 = 0xA4

    /// Decodes danMARC2 bytes to Unicode scalars in NFC.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> (scalars: [UInt32], issues: [CharsetIssue]) {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(bytes.count)
        var issues: [CharsetIssue] = []
        var pendingMarks: [UInt32] = []
        var pendingOffset = 0
        var needsNFC = false

        func emitBase(_ scalar: UInt32) {
            scalars.append(scalar)
            if !pendingMarks.isEmpty {
                scalars.append(contentsOf: pendingMarks)
                pendingMarks.removeAll(keepingCapacity: true)
            }
        }

        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            guard byte == at else {
                emitBase(UInt32(byte))
                index += 1
                continue
            }
            guard index + 1 < count else {
                issues.append(CharsetIssue(offset: index, message: "danMARC2: '@' at end of value; kept as '@'"))
                emitBase(UInt32(at))
                index += 1
                continue
            }
            let next = bytes[index + 1]
            switch next {
            case at, star, currency:
                emitBase(UInt32(next))
                index += 2
                continue
            case 0xE5:
                emitBase(0xA733)
                needsNFC = true
                index += 2
                continue
            case 0xC5:
                emitBase(0xA732)
                needsNFC = true
                index += 2
                continue
            default:
                break
            }
            guard let value = hexQuad(bytes, at: index + 1) else {
                issues.append(
                    CharsetIssue(
                        offset: index,
                        message: "danMARC2: '@' not followed by @, *, ¤, å, Å or 4 hex digits; kept as '@'"))
                emitBase(UInt32(at))
                index += 1
                continue
            }
            var scalar = value
            var length = 5
            if (0xD800...0xDBFF).contains(value) {
                if index + 10 <= count, bytes[index + 5] == at, let low = hexQuad(bytes, at: index + 6),
                    (0xDC00...0xDFFF).contains(low)
                {
                    scalar = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    length = 10
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00...0xDFFF).contains(value) {
                scalar = 0xFFFD
            }
            if scalar == 0xFFFD, value != 0xFFFD {
                issues.append(CharsetIssue(offset: index, message: "danMARC2: unpaired surrogate escape; U+FFFD"))
            }
            if scalar >= 0x300 { needsNFC = true }
            if UnicodeNFC.combiningClass(scalar) != 0 {
                if pendingMarks.isEmpty { pendingOffset = index }
                pendingMarks.append(scalar)
            } else {
                emitBase(scalar)
            }
            index += length
        }
        if !pendingMarks.isEmpty {
            // A trailing mark has no base to precede: keep it where it stands.
            issues.append(
                CharsetIssue(
                    offset: pendingOffset, message: "danMARC2: combining mark at end of value has no base letter"))
            scalars.append(contentsOf: pendingMarks)
        }
        if needsNFC { UnicodeNFC.normalize(&scalars) }
        return (scalars, issues)
    }

    private static func hexQuad(_ bytes: UnsafeRawBufferPointer, at start: Int) -> UInt32? {
        guard start + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = charsetHexDigitValue(bytes[start + offset]) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Encodes a string (normalised to NFC first) as danMARC2 bytes.
    static func encode(_ string: String) -> [UInt8] {
        var scalars = string.unicodeScalars.map(\.value)
        UnicodeNFC.normalize(&scalars)
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count + 8)
        var index = 0
        while index < scalars.count {
            // A base and the combining marks after it: marks are written first.
            var end = index + 1
            while end < scalars.count, UnicodeNFC.combiningClass(scalars[end]) != 0 { end += 1 }
            for mark in scalars[(index + 1)..<end] { write(mark, to: &out) }
            write(scalars[index], to: &out)
            index = end
        }
        return out
    }

    private static func write(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case UInt32(at), UInt32(star):
            out.append(at)
            out.append(UInt8(scalar))
        case 0..<0x20:
            // C0 controls are outside Bilag K's repertoire and would break ISO 2709 (0x1D-0x1F)
            // or line format (line ends) framing: escape them.
            writeQuad(scalar, to: &out)
        case 0x20..<0x100:
            out.append(UInt8(scalar))
        case 0xA733:
            out.append(at)
            out.append(0xE5)
        case 0xA732:
            out.append(at)
            out.append(0xC5)
        case 0x100...0xFFFF:
            writeQuad(scalar, to: &out)
        default:
            let offset = scalar - 0x10000
            writeQuad(0xD800 + (offset >> 10), to: &out)
            writeQuad(0xDC00 + (offset & 0x3FF), to: &out)
        }
    }

    private static func writeQuad(_ value: UInt32, to out: inout [UInt8]) {
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        out.append(at)
        out.append(digits[Int(value >> 12 & 0xF)])
        out.append(digits[Int(value >> 8 & 0xF)])
        out.append(digits[Int(value >> 4 & 0xF)])
        out.append(digits[Int(value & 0xF)])
    }
}
