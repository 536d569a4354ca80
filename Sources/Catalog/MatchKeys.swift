import MARC

/// Danish-aware folding for match keys: lower case, `æ ø å` kept as letters, ä→æ ö→ø ü→y ð→d þ→th œ→oe
/// ꜳ→å, other diacritics dropped (é→e, ñ→n), `aa`→å (so Kierkegaard = Kierkegård, Aalborg = Ålborg); words
/// of letters and digits joined by single blanks. A small internal stand-in for TextAnalysis's
/// DanishAnalyzer, which the integrator may pass to ``AcquisitionsMatcher`` instead.
enum MatchFolding {
    static let replacements: [Character: String] = {
        var map: [Character: String] = [
            "ä": "æ", "ö": "ø", "ü": "y", "ð": "d", "þ": "th", "œ": "oe", "ꜳ": "å", "ß": "ss", "ĳ": "ij",
            "ł": "l", "đ": "d", "ı": "i",
        ]
        let groups: [(String, String)] = [
            ("àáâãāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
        ]
        for (letters, base) in groups {
            for letter in letters { map[letter] = base }
        }
        return map
    }()
    static let danish: Set<Character> = ["æ", "ø", "å"]

    static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingBlank = false
        for ch in text.lowercased() {
            var piece: String?
            if let replacement = replacements[ch] {
                piece = replacement
            } else if danish.contains(ch) {
                piece = String(ch)
            } else if ch.isLetter || ch.isNumber {
                // A base letter with combining marks: keep the base.
                if let first = ch.unicodeScalars.first, ch.unicodeScalars.count > 1, first.isASCII {
                    piece = String(Character(first))
                } else {
                    piece = String(ch)
                }
            }
            if let piece {
                if pendingBlank && !out.isEmpty { out += " " }
                pendingBlank = false
                out += piece
            } else {
                pendingBlank = true
            }
        }
        return out.replacingAA()
    }

    /// A spelling-tolerant skeleton of a name: the folded first letter, then the consonants, with repeated letters
    /// collapsed (`kierkegård`, `kirkegaard` and `kierkegaard` all give `krkgrd`).
    static func skeleton(_ folded: String) -> String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "æ", "ø", "å", " "]
        var out = ""
        var last: Character?
        for (n, ch) in folded.enumerated() {
            if n > 0 && vowels.contains(ch) { continue }
            if ch != last { out.append(ch) }
            last = ch
        }
        return out
    }
}

extension String {
    /// `aa` → `å` (the Danish spelling reform's double a).
    fileprivate func replacingAA() -> String {
        guard contains("aa") else { return self }
        var out = ""
        var previousA = false
        for ch in self {
            if ch == "a" {
                if previousA {
                    out.append("å")
                    previousA = false
                } else {
                    previousA = true
                }
                continue
            }
            if previousA { out.append("a") }
            previousA = false
            out.append(ch)
        }
        if previousA { out.append("a") }
        return out
    }
}

/// ISBN and ISSN normal forms: ISBN-10 and ISBN-13 both become the 13-digit form, so they match each other.
/// A small internal stand-in for TextAnalysis's ISBN helpers.
enum StandardNumbers {
    /// The leading identifier in a value such as `87-02-28479-8 (hf.)`: digits, `X`, hyphens and blanks.
    static func cleaned(_ raw: String) -> String {
        var out = ""
        for ch in raw {
            if ch.isASCII && ch.isNumber {
                out.append(ch)
            } else if ch == "x" || ch == "X" {
                out.append("X")
            } else if ch == "-" || ch == " " {
                continue
            } else {
                break
            }
        }
        return out
    }

    /// The ISBN-13 form of an ISBN-10 or ISBN-13 (checksum verified); the cleaned text when it is neither.
    static func isbnKey(_ raw: String) -> String? {
        let s = cleaned(raw)
        if s.count == 10, let digits = isbn10Digits(s) {
            let body = [9, 7, 8] + digits.prefix(9)
            return (body + [ean13Check(body)]).map(String.init).joined()
        }
        return s.count >= 8 ? s : nil
    }

    /// The ISBN-10 form of an ISBN-13 in the 978 range, or `nil`.
    static func isbn10(fromISBN13 isbn13: String) -> String? {
        let digits = isbn13.compactMap(\.wholeNumberValue)
        guard digits.count == 13, digits.prefix(3) == [9, 7, 8] else { return nil }
        let body = Array(digits[3..<12])
        var sum = 0
        for (i, d) in body.enumerated() { sum += d * (10 - i) }
        let check = (11 - sum % 11) % 11
        return body.map(String.init).joined() + (check == 10 ? "X" : String(check))
    }

    /// The digits of a valid ISBN-10 (check digit `X` = 10), or `nil`.
    static func isbn10Digits(_ s: String) -> [Int]? {
        var digits: [Int] = []
        for (i, ch) in s.enumerated() {
            if let d = ch.wholeNumberValue, ch.isASCII {
                digits.append(d)
            } else if ch == "X" && i == 9 {
                digits.append(10)
            } else {
                return nil
            }
        }
        guard digits.count == 10 else { return nil }
        var sum = 0
        for (i, d) in digits.enumerated() { sum += d * (10 - i) }
        return sum % 11 == 0 ? digits : nil
    }

    static func ean13Check(_ twelve: [Int]) -> Int {
        var sum = 0
        for (i, d) in twelve.enumerated() { sum += i % 2 == 0 ? d : d * 3 }
        return (10 - sum % 10) % 10
    }

    /// An ISSN without hyphen, upper-case `X`; `nil` unless 8 characters.
    static func issnKey(_ raw: String) -> String? {
        let s = cleaned(raw)
        return s.count == 8 ? s : nil
    }
}

/// What the matcher compares, taken from a danMARC2 or MARC21 record.
struct MatchFeatures: Sendable {
    var isbns: [String] = []
    var issns: [String] = []
    /// Folded main title without its subtitle and non-filing part.
    var title = ""
    /// Folded subtitle.
    var subtitle = ""
    /// Folded surname (or corporate name) of the main entry.
    var author = ""
    var authorSkeleton = ""
    var year = ""

    init(_ record: MARCRecord, normalize: (String) -> String) {
        let danish = record.isDanMARC2
        var isbns: [String] = []
        if danish {
            for field in record.fields("021") { isbns += field.values(anyOf: "ae").compactMap(StandardNumbers.isbnKey) }
        } else {
            for field in record.fields("020") { isbns += field.values("a").compactMap(StandardNumbers.isbnKey) }
        }
        self.isbns = Self.unique(isbns)
        issns = Self.unique(record.fields("022").flatMap { $0.values("a") }.compactMap(StandardNumbers.issnKey))

        if let f245 = record["245"] {
            var main = f245["a"] ?? ""
            if danish {
                if let mark = main.firstIndex(of: "¤") { main = String(main[main.index(after: mark)...]) }
            } else if let skip = Int(String(Character(f245.indicators.second))), skip > 0 {
                main = String(main.dropFirst(skip))
            }
            title = normalize(main)
            subtitle = normalize(f245.values(danish ? "c" : "b").joined(separator: " "))
        }

        let entry = record["100"] ?? record["110"] ?? record["700"] ?? record["710"]
        if var name = entry?["a"] {
            if !danish, let comma = name.firstIndex(of: ",") { name = String(name[..<comma]) }
            if danish, let mark = name.firstIndex(of: "¤") { name = String(name[name.index(after: mark)...]) }
            author = normalize(name)
            authorSkeleton = MatchFolding.skeleton(author)
        }

        if danish, let a = record["008"]?["a"], let y = Self.firstYear(a) {
            year = y
        } else if !danish, let v = record["008"]?.controlValue, v.count >= 11 {
            let y = String(Array(v)[7..<11])
            if y.allSatisfy({ $0.isASCII && $0.isNumber }) { year = y }
        }
        if year.isEmpty {
            for tag: Tag in ["260", "264"] {
                if let c = record[tag]?["c"], let y = Self.firstYear(c) {
                    year = y
                    break
                }
            }
        }
    }

    /// `title|skeleton`: the key that finds title candidates (empty when there is no title).
    var titleKey: String? { title.isEmpty ? nil : "\(title)|\(authorSkeleton)" }

    /// `title subtitle|author|year`: the key for duplicates within the catalogue.
    var duplicateKey: String? {
        title.isEmpty ? nil : "\(title) \(subtitle)|\(author)|\(year)"
    }

    static func firstYear(_ text: String) -> String? {
        var run = ""
        for ch in text {
            if ch.isASCII && ch.isNumber {
                run.append(ch)
                if run.count == 4 { return run }
            } else {
                run = ""
            }
        }
        return nil
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
