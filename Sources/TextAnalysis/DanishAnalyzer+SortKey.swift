// Sort keys by Danish library filing rules (research/danmarc.md §4.3–4.4), comparable as bytes.
//
// Primary level, one byte per letter: a–z = 0x61–0x7A, æ = 0x7B, ø = 0x7C, å = 0x7D, so memcmp order is
// … x y z æ ø å. ä files as æ, ö as ø, ü as y, ð as d, þ as th, aa (and ꜳ) as å: the normaliser already did
// that. Words file word by word: every run of blanks and punctuation is one byte 0x01, below every letter
// ("Den lille" before "Denmark"). A run of digits is 0x10 + its length (leading zeros dropped, at most 64)
// followed by the digits, so numbers come before letters and file by value ("2" before "10" before "1864").
// Letters of other scripts follow å in code point order (their UTF-8 bytes, ≥ 0xC2).
//
// Secondary level (ties only): 0x00, then one weight per letter/digit of the NFC source: 0x01 for a–z, 0–9,
// æ ø å, or 0x02 + the code point (2 bytes) for any other (ä, é, ü …), trailing 0x01s trimmed. So unaccented
// and Danish letters file before accented and foreign ones ("Mærchen" before "Märchen").
//
// Tertiary level (optional): 0x00, then 0x01 for each upper-case and 0x02 for each other letter/digit:
// upper case first.

extension DanishAnalyzer {
    /// How many levels a sort key carries.
    public enum SortKeyLevel: Sendable, Hashable, CaseIterable {
        /// Letters only: æ ø å after z, accents and case ignored.
        case primary
        /// Ties broken by accents: unaccented and Danish letters first (the default).
        case secondary
        /// Ties broken by accents, then by case: upper case first.
        case tertiary
    }

    /// The part of a title that files: the first `nonFilingCount` characters (MARC21 245 ind2) dropped, then
    /// everything up to and including the first `¤` (danMARC2's filing marker), then leading blanks.
    ///
    /// `filingPart("Den ¤lille prins") == "lille prins"`, `filingPart("The Hobbit", nonFilingCount: 4) == "Hobbit"`.
    public static func filingPart(_ title: String, nonFilingCount: Int = 0) -> String {
        var rest = Substring(title)
        if nonFilingCount > 0 {
            rest = rest.dropFirst(nonFilingCount)
        }
        if let marker = rest.unicodeScalars.firstIndex(of: "\u{A4}") {
            let afterMarker = rest.unicodeScalars.index(after: marker)
            rest = Substring(rest.unicodeScalars[afterMarker...])
        }
        return String(rest.drop(while: { $0.isWhitespace }))
    }

    /// A byte-comparable sort key by Danish filing rules: comparing two keys byte by byte (memcmp, or
    /// `a.lexicographicallyPrecedes(b)`) gives filing order. `¤` marks where filing starts ("Den ¤lille prins"
    /// files under L); `nonFilingCount` drops leading characters (MARC21 245 ind2); `[ ] \` are ignored.
    /// ``Options/foldAEOE`` is never applied to sort keys.
    public func sortKey(_ text: String, nonFilingCount: Int = 0, level: SortKeyLevel = .secondary) -> [UInt8] {
        let filing = DanishAnalyzer.filingPart(text, nonFilingCount: nonFilingCount)
        let folded = DanishAnalyzer(options: Options(foldAEOE: false, foldAA: options.foldAA)).normalize(filing)
        var key = DanishAnalyzer.primaryKey(folded)
        if level == .primary { return key }

        // Scalars below U+0300 are NFC-stable and never combine: skip ICU for them.
        let source = filing.unicodeScalars.allSatisfy({ $0.value < 0x300 }) ? filing : ICUBridge.nfc(filing)
        var secondary: [UInt8] = []
        var tertiary: [UInt8] = []
        for scalar in source.unicodeScalars where !DanishFolding.isDropped(scalar.value) {
            guard DanishFolding.isTokenScalar(scalar) else { continue }
            let properties = scalar.properties
            let lower = properties.lowercaseMapping.unicodeScalars.first ?? scalar
            if DanishAnalyzer.isBasicFilingScalar(lower.value) {
                secondary.append(0x01)
            } else {
                let value = min(lower.value, 0xFFFF)
                secondary.append(0x02)
                secondary.append(UInt8(truncatingIfNeeded: value >> 8))
                secondary.append(UInt8(truncatingIfNeeded: value))
            }
            tertiary.append(properties.changesWhenLowercased ? 0x01 : 0x02)
        }
        while secondary.last == 0x01 { secondary.removeLast() }
        if level == .secondary {
            if !secondary.isEmpty {
                key.append(0x00)
                key.append(contentsOf: secondary)
            }
            return key
        }
        key.append(0x00)
        key.append(contentsOf: secondary)
        key.append(0x00)
        key.append(contentsOf: tertiary)
        return key
    }

    /// Whether a (lower-case) scalar is one of a–z, 0–9, æ, ø, å.
    static func isBasicFilingScalar(_ value: UInt32) -> Bool {
        (value &- 0x61 < 26) || (value &- 0x30 < 10) || value == 0xE6 || value == 0xF8 || value == 0xE5
    }

    /// The primary level of a sort key from normalised text.
    static func primaryKey(_ folded: String) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(folded.utf8.count + 4)
        var pendingSeparator = false
        let scalars = Array(folded.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            let value = scalar.value
            let isDigit = value &- 0x30 < 10
            let isLetter = !isDigit && DanishFolding.isTokenScalar(scalar)
            guard isDigit || isLetter else {
                pendingSeparator = true
                i += 1
                continue
            }
            if pendingSeparator && !key.isEmpty { key.append(0x01) }
            pendingSeparator = false
            if isDigit {
                var j = i
                while j < scalars.count && scalars[j].value &- 0x30 < 10 { j += 1 }
                var firstSignificant = i
                while firstSignificant < j - 1 && scalars[firstSignificant].value == 0x30 { firstSignificant += 1 }
                let digitCount = j - firstSignificant
                key.append(0x10 + UInt8(min(digitCount, 64)))
                for k in firstSignificant..<j { key.append(UInt8(truncatingIfNeeded: scalars[k].value)) }
                i = j
                continue
            }
            switch value {
            case 0x61...0x7A: key.append(UInt8(truncatingIfNeeded: value))
            case 0xE6: key.append(0x7B)  // æ
            case 0xF8: key.append(0x7C)  // ø
            case 0xE5: key.append(0x7D)  // å
            default: key.append(contentsOf: String(Character(scalar)).utf8)
            }
            i += 1
        }
        return key
    }
}
