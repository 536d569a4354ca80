import MARC

/// The validation rules for a library's local danMARC2 record (material not in the shared catalogue).
///
/// Required fields (after danmarc.md §1.5 and DBC's templates):
/// - `001` once, a data field, with `*a` a faust number (8+ digits, blanks allowed, valid modulus-11 check
///   digit) and `*b` the owning library's six-digit number, which may not be a DBC base such as 870970;
/// - `004` once, with `*r` status `n`/`c`/`d` and `*a` record type `e`/`h`/`s`/`b`/`i`;
/// - `245` once, with a non-empty `*a` (a volume record, `004 *a b`, may give `*g` instead).
///
/// Shapes: every tag is three digits or a lower-case letter and two digits (`d08`); every field is a data field
/// with two indicators, each a digit or a blank; every subfield code is one of a–z, A–Z, æ ø å Æ Ø Å, 0–9 or
/// `&`; every data field has at least one subfield; the leader is printable ASCII. `008` is not repeatable either.
enum LocalRecordValidator {
    static let nonRepeatable: [Tag] = ["001", "004", "008", "245"]
    /// DBC's own bases: a local record may not claim one of these agencies.
    static let reservedAgencies: Set<String> = [
        Agency.common, Agency.articles, "870974", "870975", "870976", "870978", Agency.authority, Agency.dbcEnrichment,
    ]

    static func problems(in record: MARCRecord, expectedAgency: String?) -> [String] {
        var problems: [String] = []
        if !record.leader.bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            problems.append("the leader must be 24 printable ASCII characters")
        }
        for (n, field) in record.fields.enumerated() {
            let place = "field \(n + 1) (\(field.tag))"
            if !isWellFormedTag(field.tag) {
                problems.append("\(place): the tag must be three digits or a lower-case letter and two digits")
            }
            switch field.content {
            case .control:
                problems.append("\(place): danMARC2 fields need indicators and subfields, not a control value")
            case .data(let indicators, let subfields):
                if indicators.scalars.count != 2 || !indicators.scalars.allSatisfy(isIndicator) {
                    problems.append("\(place): the indicators must be two characters, each a digit or a blank (found \"\(indicators)\")")
                }
                if subfields.isEmpty { problems.append("\(place): a field needs at least one subfield") }
                for sub in subfields where !isSubfieldCode(sub.code) {
                    problems.append("\(place): subfield code \"\(Character(sub.code))\" is not a–z, A–Z, æøå, a digit or &")
                }
            }
        }
        for tag in nonRepeatable where record.fields(tag).count > 1 {
            problems.append("field \(tag) may occur only once (found \(record.fields(tag).count))")
        }

        if let f001 = record["001"] {
            if let id = f001["a"] {
                if !Faust.isValid(id) {
                    problems.append("001 *a \"\(id)\" is not a faust number (8 or more digits with a valid modulus-11 check digit)")
                }
            } else {
                problems.append("001 *a (the record id) is missing")
            }
            if let agency = f001["b"] {
                if !Agency.isWellFormed(agency) {
                    problems.append("001 *b \"\(agency)\" is not a six-digit library number")
                } else if reservedAgencies.contains(agency) {
                    problems.append("001 *b \(agency) belongs to DBC; a local record carries the library's own number")
                } else if let expectedAgency, agency != expectedAgency {
                    problems.append("001 *b \(agency) is not this store's agency \(expectedAgency)")
                }
            } else {
                problems.append("001 *b (the owning library) is missing")
            }
        } else {
            problems.append("field 001 (record id) is missing")
        }

        var isVolume = false
        if let f004 = record["004"] {
            if let r = f004["r"] {
                if !["n", "c", "d"].contains(r) { problems.append("004 *r must be n, c or d (found \"\(r)\")") }
            } else {
                problems.append("004 *r (record status) is missing")
            }
            if let a = f004["a"] {
                if !["e", "h", "s", "b", "i"].contains(a) {
                    problems.append("004 *a must be e, h, s, b or i (found \"\(a)\")")
                }
                isVolume = a == "b"
            } else {
                problems.append("004 *a (record type) is missing")
            }
        } else {
            problems.append("field 004 (record status and type) is missing")
        }

        if let f245 = record["245"] {
            let title = f245["a"] ?? (isVolume ? f245["g"] : nil)
            if title.map({ $0.allSatisfy { $0 == " " } }) ?? true {
                problems.append(isVolume ? "245 needs *a or *g (a title or volume designation)" : "245 *a (the title) is missing or empty")
            }
        } else {
            problems.append("field 245 (title) is missing")
        }
        return problems
    }

    static func isWellFormedTag(_ tag: Tag) -> Bool {
        let (a, b, c) = tag.bytes
        let digit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        return (digit(a) || (a >= 0x61 && a <= 0x7A)) && digit(b) && digit(c)
    }

    static func isIndicator(_ s: Unicode.Scalar) -> Bool {
        s == " " || ("0"..."9").contains(s)
    }

    static func isSubfieldCode(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "&"
            || "æøåÆØÅ".unicodeScalars.contains(s)
    }
}
