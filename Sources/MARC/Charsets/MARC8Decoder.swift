/// MARC-8 → Unicode decoder for one value (a subfield or a control field's data).
///
/// Follows LC's "MARC 21 Specifications, Character Sets, Part 3": G0 starts as Basic Latin
/// (ASCII) and G1 as Extended Latin (ANSEL) at the start of every value; escape sequences
/// redesignate them; combining marks, which precede their base character in MARC-8, are
/// moved after it; the result is composed to NFC. Never fails: what cannot be decoded
/// becomes U+FFFD and is reported as a ``CharsetIssue``.
struct MARC8Decoder {
    private let tables = MARC8CodeTables.shared
    private var g0: UInt8 = MARC8Charset.basicLatin.rawValue
    private var g1: UInt8 = MARC8Charset.ansel.rawValue
    private(set) var scalars: [UInt32] = []
    private var pendingMarks: [UInt32] = []
    private var pendingMarkOffset = 0
    private(set) var issues: [CharsetIssue] = []

    private static let escape: UInt8 = 0x1B

    /// Decodes `bytes` and returns Unicode scalars in NFC plus any issues.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> (scalars: [UInt32], issues: [CharsetIssue]) {
        var decoder = MARC8Decoder()
        decoder.scalars.reserveCapacity(bytes.count)
        decoder.run(bytes)
        return (decoder.scalars, decoder.issues)
    }

    private mutating func report(_ offset: Int, _ message: String) {
        issues.append(CharsetIssue(offset: offset, message: message))
    }

    private mutating func emitBase(_ scalar: UInt32) {
        scalars.append(scalar)
        if !pendingMarks.isEmpty {
            scalars.append(contentsOf: pendingMarks)
            pendingMarks.removeAll(keepingCapacity: true)
        }
    }

    private mutating func emit(_ entry: UInt32, offset: Int) {
        if entry & MARC8CodeTables.combiningFlag != 0 {
            if pendingMarks.isEmpty { pendingMarkOffset = offset }
            pendingMarks.append(entry & ~MARC8CodeTables.combiningFlag)
        } else {
            emitBase(entry)
        }
    }

    private mutating func run(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        var sawNonASCII = false
        while index < count {
            let byte = bytes[index]
            // Fast path: ASCII graphic characters with Basic Latin as G0.
            if byte >= 0x20, byte < 0x7F, g0 == MARC8Charset.basicLatin.rawValue || byte == 0x20 {
                emitBase(UInt32(byte))
                index += 1
                continue
            }
            sawNonASCII = true
            switch byte {
            case Self.escape:
                index = parseEscape(bytes, at: index)
            case 0x21...0x7E:
                index = decodeGraphic(bytes, at: index, set: g0)
            case 0xA1...0xFE:
                index = decodeGraphic(bytes, at: index, set: g1)
            case 0x88:
                emitBase(0x98)  // NSB, non-sort begin
                index += 1
            case 0x89:
                emitBase(0x9C)  // NSE, non-sort end
                index += 1
            case 0x8D:
                emitBase(0x200D)  // ZERO WIDTH JOINER
                index += 1
            case 0x8E:
                emitBase(0x200C)  // ZERO WIDTH NON-JOINER
                index += 1
            default:  // C0 controls other than ESC, 0x7F, 0x80...0xA0 (other C1), 0xFF
                report(index, "MARC-8: byte 0x\(charsetHexByte(byte)) is not a MARC-8 character")
                emitBase(0xFFFD)
                index += 1
            }
        }
        if !pendingMarks.isEmpty {
            report(
                pendingMarkOffset,
                "MARC-8: \(pendingMarks.count) combining mark(s) at the end of the value have no base character; dropped"
            )
            pendingMarks.removeAll()
        }
        if sawNonASCII { UnicodeNFC.normalize(&scalars) }
    }

    /// Decodes one graphic character from `set` starting at `index`; returns the next index.
    private mutating func decodeGraphic(_ bytes: UnsafeRawBufferPointer, at index: Int, set: UInt8) -> Int {
        if set == MARC8Charset.eacc.rawValue {
            guard index + 3 <= bytes.count else {
                report(index, "MARC-8: EACC character truncated (\(bytes.count - index) of 3 bytes)")
                emitBase(0xFFFD)
                return bytes.count
            }
            let high = bytes[index] & 0x80
            var code: UInt32 = 0
            for offset in 0..<3 {
                let b = bytes[index + offset]
                guard b & 0x80 == high, b & 0x7F >= 0x21, b & 0x7F <= 0x7E else {
                    report(index, "MARC-8: malformed EACC character")
                    emitBase(0xFFFD)
                    return index + offset
                }
                code = code << 8 | UInt32(b & 0x7F)
            }
            if let scalar = tables.lookupEACC(code) {
                emitBase(scalar)
            } else {
                report(index, "MARC-8: EACC code 0x\(String(code, radix: 16, uppercase: true)) not in the LC table")
                emitBase(0xFFFD)
            }
            return index + 3
        }
        let byte = bytes[index]
        if let entry = tables.lookup(set: set, position: byte & 0x7F) {
            emit(entry, offset: index)
        } else if byte < 0x80 {
            // A G0 position the set leaves empty (Basic Greek has no ':' or ','). Real records
            // forget to switch back to ASCII before punctuation (marc4j's
            // greekmissingcharsetchange.mrc), so read the byte as ASCII and say so.
            report(
                index,
                "MARC-8: byte 0x\(charsetHexByte(byte)) has no character in set '\(setName(set))'; read as ASCII")
            emitBase(UInt32(byte))
        } else {
            report(index, "MARC-8: byte 0x\(charsetHexByte(byte)) has no character in set '\(setName(set))'")
            emitBase(0xFFFD)
        }
        return index + 1
    }

    /// Parses an escape sequence at `index` (which holds ESC); returns the next index.
    private mutating func parseEscape(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let count = bytes.count
        guard index + 1 < count else {
            report(index, "MARC-8: escape at end of value")
            return count
        }
        var next = index + 1
        let first = bytes[next]
        switch first {
        case 0x67, 0x62, 0x70:  // technique 1: ESC g / ESC b / ESC p
            g0 = first
            return next + 1
        case 0x73:  // ESC s: back to ASCII
            g0 = MARC8Charset.basicLatin.rawValue
            return next + 1
        case 0x28, 0x2C, 0x29, 0x2D, 0x24:  // ( , ) - $
            var toG1 = first == 0x29 || first == 0x2D
            if first == 0x24 {  // multibyte: ESC $ F, ESC $ , F, ESC $ ) F, ESC $ - F
                if next + 1 < count, [0x28, 0x2C, 0x29, 0x2D].contains(bytes[next + 1]) {
                    next += 1
                    toG1 = bytes[next] == 0x29 || bytes[next] == 0x2D
                }
            }
            next += 1
            if next < count, bytes[next] == 0x21 { next += 1 }  // ESC ( ! E: ANSEL's intermediate
            guard next < count else {
                report(index, "MARC-8: escape sequence truncated at end of value")
                return count
            }
            let final = bytes[next]
            if tables.isKnownSet(final) {
                if toG1 { g1 = final } else { g0 = final }
            } else {
                report(index, "MARC-8: escape designates unknown character set 0x\(charsetHexByte(final)); ignored")
            }
            return next + 1
        default:
            if tables.isKnownSet(first) {
                // Non-standard ESC F (no intermediate): read as a G0 designation, like pymarc.
                report(index, "MARC-8: non-standard escape ESC 0x\(charsetHexByte(first)) read as G0 designation")
                g0 = first
                return next + 1
            }
            report(index, "MARC-8: unknown escape sequence ESC 0x\(charsetHexByte(first)); ESC dropped")
            return next
        }
    }

    private func setName(_ final: UInt8) -> String {
        switch MARC8Charset(rawValue: final) {
        case .basicLatin: "Basic Latin"
        case .ansel: "Extended Latin (ANSEL)"
        case .greekSymbols: "Greek symbols"
        case .subscripts: "Subscripts"
        case .superscripts: "Superscripts"
        case .basicHebrew: "Basic Hebrew"
        case .basicCyrillic: "Basic Cyrillic"
        case .extendedCyrillic: "Extended Cyrillic"
        case .basicArabic: "Basic Arabic"
        case .extendedArabic: "Extended Arabic"
        case .basicGreek: "Basic Greek"
        case .eacc: "EACC"
        case nil: "0x\(charsetHexByte(final))"
        }
    }
}

/// Two upper-case hex digits.
func charsetHexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}
