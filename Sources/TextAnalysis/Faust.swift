/// A faust number: DBC's record id (danMARC2 001 *a), 8 or 9 digits, the last a modulus-11 check digit.
///
/// Check (DBCDK/opencat-business `CheckFaust.use.js`, research/danmarc.md §1.8): weight the digits before the
/// check digit right to left with 2, 3, 4, 5, 6, 7, 2, 3, …; r = sum mod 11; valid when r + check = 11, or
/// r = 0 and check = 0. (DBC's own validator accepts any check digit when r = 0; pass `acceptingDBCQuirk`.)
///
/// ```swift
/// Faust("1 309 557 54").normalized  // "130955754"
/// Faust.isValid("130955754")       // true: r = 7, check 4
/// ```
public struct Faust: Sendable, Hashable, CustomStringConvertible {
    /// The value with blanks removed (`"2 952 624 9"` → `"29526249"`).
    public let normalized: String

    /// Reads a faust number; blanks (and hyphens) are removed, nothing else is changed.
    public init(_ raw: String) {
        normalized = String(raw.unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "\u{A0}" })
    }

    /// Whether the value has 8 or 9 digits and a correct check digit.
    public func isValid(acceptingDBCQuirk: Bool = false) -> Bool {
        let bytes = Array(normalized.utf8)
        guard (8...9).contains(bytes.count), bytes.allSatisfy({ $0 &- 0x30 < 10 }) else { return false }
        let r = Faust.remainder(bytes.dropLast())
        let check = Int(bytes[bytes.count - 1] &- 0x30)
        if r == 0 { return acceptingDBCQuirk || check == 0 }
        return r + check == 11
    }

    /// Whether `raw` is a valid faust number (blanks ignored).
    public static func isValid(_ raw: String) -> Bool { Faust(raw).isValid() }

    /// The check digit for the digits before it (7 or 8 ASCII digits), or nil when none exists
    /// (r = 1 would need 10: such numbers are never issued) or the input is not digits.
    public static func checkDigit(for body: String) -> Int? {
        let bytes = Array(body.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
        let r = remainder(bytes[...])
        if r == 0 { return 0 }
        if r == 1 { return nil }
        return 11 - r
    }

    /// The normalised value.
    public var description: String { normalized }

    static func remainder(_ body: ArraySlice<UInt8>) -> Int {
        var sum = 0
        var weight = 2
        for byte in body.reversed() {
            sum += Int(byte &- 0x30) * weight
            weight = weight == 7 ? 2 : weight + 1
        }
        return sum % 11
    }
}
