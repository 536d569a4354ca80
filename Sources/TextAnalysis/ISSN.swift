/// An ISSN: 8 characters, the last a check character (0–9 or X), written `1234-5679`.
///
/// ```swift
/// ISSN("0028-0836").normalized  // "00280836"
/// ISSN("0028-0836").isValid     // true
/// ```
public struct ISSN: Sendable, Hashable, CustomStringConvertible {
    /// The value with hyphens and blanks removed and `x` upper-cased: 8 characters when it looks like an ISSN.
    public let normalized: String
    /// Whether `normalized` has 8 characters and a correct check character.
    public let isValid: Bool

    /// Reads an ISSN from a field value such as `"0028-0836"`, `"ISSN 1050-124x"`: digits from the first
    /// digit on, ignoring hyphens and blanks, up to the first other character; `X` as the eighth character.
    public init(_ raw: String) {
        var digits: [UInt8] = []
        var started = false
        for byte in raw.utf8 {
            if byte &- 0x30 < 10 {
                started = true
                digits.append(byte)
                if digits.count > 8 { break }
            } else if started && (byte == 0x58 || byte == 0x78) && digits.count == 7 {
                digits.append(0x58)
                break
            } else if started && (byte == 0x2D || byte == 0x20) {
                continue
            } else if started {
                break
            }
        }
        normalized = String(decoding: digits, as: UTF8.self)
        isValid = digits.count == 8 && digits[0..<7].allSatisfy({ $0 &- 0x30 < 10 })
            && ISSN.checkCharacter(Array(digits[0..<7])) == digits[7]
    }

    /// Parses an ISSN; nil unless it is valid.
    public static func parse(_ raw: String) -> ISSN? {
        let issn = ISSN(raw)
        return issn.isValid ? issn : nil
    }

    /// Whether `raw` holds a valid ISSN.
    public static func isValid(_ raw: String) -> Bool { ISSN(raw).isValid }

    /// The forms to index and query: the 8-character normalised value (also for an invalid one), nothing for a
    /// value without digits.
    public static func searchForms(_ raw: String) -> [String] {
        let issn = ISSN(raw)
        return issn.normalized.isEmpty ? [] : [issn.normalized]
    }

    /// The usual display form `NNNN-NNNC` for a valid ISSN, else the normalised value.
    public var hyphenated: String {
        guard isValid else { return normalized }
        return String(normalized.prefix(4)) + "-" + String(normalized.suffix(4))
    }

    /// The normalised value.
    public var description: String { normalized }

    /// The check character for 7 ASCII digits: weights 8…2, check = (11 − sum mod 11) mod 11, 10 written X.
    static func checkCharacter(_ body: [UInt8]) -> UInt8 {
        var sum = 0
        for (k, byte) in body.prefix(7).enumerated() { sum += Int(byte &- 0x30) * (8 - k) }
        let check = (11 - sum % 11) % 11
        return check == 10 ? 0x58 : UInt8(0x30 + check)
    }
}
