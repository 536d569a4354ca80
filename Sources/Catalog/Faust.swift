/// DBC's faust numbers: record ids of 8 or more digits whose last digit is a modulus-11 check digit
/// (research/danmarc.md §1.8, after opencat-business `CheckFaust.use.js`).
///
/// The digits before the check digit are weighted right-aligned with the cycle …, 7, 6, 5, 4, 3, 2 (the digit
/// next to the check digit gets 2); with r = sum mod 11 the number is valid when r + check = 11. When r = 0,
/// DBC's code accepts any check digit (a quirk kept here for compatibility). Example: `130955754` (r = 7, check 4).
/// This is a small internal copy; TextAnalysis may offer the same check.
enum Faust {
    /// True when `id` (blanks allowed) is a well-formed faust number with a valid check digit.
    static func isValid(_ id: String) -> Bool {
        let digits = id.utf8.filter { $0 != 0x20 }
        guard digits.count >= 8, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let values = digits.map { Int($0 - 0x30) }
        var sum = 0
        var weight = 2
        for value in values.dropLast().reversed() {
            sum += value * weight
            weight = weight == 7 ? 2 : weight + 1
        }
        let r = sum % 11
        if r == 0 { return true }
        return r + (values.last ?? 0) == 11
    }

    /// The check digit that completes `body` (digits only), or `nil` when none exists (r = 1 would need 10).
    /// Used to build valid test ids.
    static func checkDigit(for body: String) -> Int? {
        let values = body.utf8.map { Int($0) - 0x30 }
        guard values.allSatisfy({ (0...9).contains($0) }) else { return nil }
        var sum = 0
        var weight = 2
        for value in values.reversed() {
            sum += value * weight
            weight = weight == 7 ? 2 : weight + 1
        }
        let r = sum % 11
        if r == 0 { return 0 }
        let check = 11 - r
        return check <= 9 ? check : nil
    }
}
