/// An ISBN as found in a record: cleaned of hyphens and blanks, checked, and converted between the 10- and
/// 13-digit forms. Invalid values are kept (``cleaned``) but flagged (``isValid`` is false).
///
/// ```swift
/// let isbn = ISBN("87-7245-012-6")
/// isbn.isValid   // true
/// isbn.isbn13    // "9788772450124"
/// ISBN.searchForms("978-87-7245-012-4")  // ["9788772450124", "8772450126"]
/// ```
public struct ISBN: Sendable, Hashable, CustomStringConvertible {
    /// The digits (and a final `X`) of the value, hyphens and blanks removed, `x` upper-cased.
    public let cleaned: String
    /// Whether `cleaned` is a 10-digit ISBN or a 13-digit (978/979) ISBN with a correct check digit.
    public let isValid: Bool

    /// Reads an ISBN from a field value such as `"87-7245-012-6"`, `"ISBN 978 87 7245 012 4"`,
    /// `"9780306406157 (pbk.)"`: digits are taken from the first digit on, ignoring hyphens and blanks, up to
    /// the first other character; an `X` is taken as the tenth character.
    public init(_ raw: String) {
        // At most 14 characters are taken (one past the longest form): a buffer on the stack, no array.
        var taken = ""
        var valid = false
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buffer in
            var n = 0
            var started = false
            for byte in raw.utf8 {
                if byte &- 0x30 < 10 {
                    started = true
                    buffer[n] = byte
                    n += 1
                    if n > 13 { break }
                } else if started && (byte == 0x58 || byte == 0x78) && n == 9 {
                    buffer[n] = 0x58
                    n += 1
                    break
                } else if started && (byte == 0x2D || byte == 0x20) {
                    continue
                } else if started {
                    break
                }
            }
            let digits = UnsafeBufferPointer(rebasing: buffer[0..<n])
            taken = String(decoding: digits, as: UTF8.self)
            valid = ISBN.isValidCleaned(digits)
        }
        cleaned = taken
        isValid = valid
    }

    /// Parses an ISBN; nil unless it is valid.
    public static func parse(_ raw: String) -> ISBN? {
        let isbn = ISBN(raw)
        return isbn.isValid ? isbn : nil
    }

    /// Whether `raw` holds a valid ISBN-10 or ISBN-13.
    public static func isValid(_ raw: String) -> Bool { ISBN(raw).isValid }

    /// The 13-digit form, or nil for an invalid value.
    public var isbn13: String? {
        guard isValid else { return nil }
        if cleaned.utf8.count == 13 { return cleaned }
        var body: [UInt8] = [0x39, 0x37, 0x38]
        body.reserveCapacity(13)
        body.append(contentsOf: cleaned.utf8.prefix(9))
        body.append(ISBN.checkDigit13(body))
        return String(decoding: body, as: UTF8.self)
    }

    /// The 10-digit form, or nil for an invalid value or a 979 ISBN (which has none).
    public var isbn10: String? {
        guard isValid else { return nil }
        if cleaned.utf8.count == 10 { return cleaned }
        let bytes = Array(cleaned.utf8)
        guard bytes.starts(with: Array("978".utf8)) else { return nil }
        let body = Array(bytes[3..<12])
        return String(decoding: body + [ISBN.checkDigit10(body)], as: UTF8.self)
    }

    /// The one form an index keeps: the 13-digit form of a valid ISBN-10 or ISBN-13, else the cleaned value
    /// (lower-cased). A query converts an ISBN-10 to the same form, so ISBN-10 ≈ ISBN-13 costs one term per value.
    public var indexForm: String { isbn13 ?? cleaned.lowercased() }

    /// Every normalised form to index and to query: the 13-digit and, where one exists, the 10-digit form
    /// for a valid ISBN; the cleaned value alone for an invalid one; nothing for a value without digits.
    public var searchForms: [String] {
        guard isValid else { return cleaned.isEmpty ? [] : [cleaned] }
        var forms: [String] = []
        if let isbn13 { forms.append(isbn13) }
        if let isbn10 { forms.append(isbn10) }
        return forms
    }

    /// Every normalised form under which an ISBN is indexed and queried (13-digit and, where one exists,
    /// 10-digit), hyphens and blanks removed. Invalid input yields its cleaned form only.
    public static func searchForms(_ raw: String) -> [String] { ISBN(raw).searchForms }

    /// The ISBN-13 form of a valid ISBN-10 or ISBN-13, else nil.
    public static func isbn13(_ raw: String) -> String? { ISBN(raw).isbn13 }

    /// The ISBN-10 form of a valid ISBN-10 or 978 ISBN-13, else nil.
    public static func isbn10(_ raw: String) -> String? { ISBN(raw).isbn10 }

    /// The cleaned value.
    public var description: String { cleaned }

    /// The ISBN-10 check character ("0"–"9" or "X") for 9 ASCII digits: weights 10…2, sum + check ≡ 0 mod 11.
    static func checkDigit10<Bytes: Collection<UInt8>>(_ body: Bytes) -> UInt8 {
        var sum = 0
        for (k, byte) in body.prefix(9).enumerated() { sum += Int(byte &- 0x30) * (10 - k) }
        let check = (11 - sum % 11) % 11
        return check == 10 ? 0x58 : UInt8(0x30 + check)
    }

    /// The ISBN-13 (EAN-13) check digit for 12 ASCII digits: weights 1, 3, 1, 3, …; sum + check ≡ 0 mod 10.
    static func checkDigit13<Bytes: Collection<UInt8>>(_ body: Bytes) -> UInt8 {
        var sum = 0
        for (k, byte) in body.prefix(12).enumerated() { sum += Int(byte &- 0x30) * (k % 2 == 0 ? 1 : 3) }
        return UInt8(0x30 + (10 - sum % 10) % 10)
    }

    static func isValidCleaned<Digits: RandomAccessCollection<UInt8>>(_ digits: Digits) -> Bool
    where Digits.Index == Int {
        switch digits.count {
        case 10:
            let first = digits.startIndex
            guard digits[first..<(first + 9)].allSatisfy({ $0 &- 0x30 < 10 }) else { return false }
            return checkDigit10(digits[first..<(first + 9)]) == digits[first + 9]
        case 13:
            // 978… or 979…
            let first = digits.startIndex
            guard digits.allSatisfy({ $0 &- 0x30 < 10 }), digits[first] == 0x39, digits[first + 1] == 0x37,
                digits[first + 2] == 0x38 || digits[first + 2] == 0x39
            else { return false }
            return checkDigit13(digits[first..<(first + 12)]) == digits[first + 12]
        default:
            return false
        }
    }
}
