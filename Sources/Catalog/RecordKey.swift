import MARC

/// What identifies a record in the catalogue: its id (danMARC2 `001 *a`, the faust number) and its agency
/// (`001 *b`, a six-digit library number).
///
/// The id is kept without blanks, so `1 234 567 8` and `12345678` are the same key.
/// ```swift
/// let key = RecordKey(id: "2 952 624 9", agency: Agency.common)   // 29526249/870970
/// ```
public struct RecordKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The record id with blanks removed (a faust number for danMARC2 records).
    public let id: String
    /// The owning agency (library number); `870970` for common records.
    public let agency: String

    /// Creates a key; blanks are removed from `id` and trimmed from `agency`.
    public init(id: String, agency: String) {
        self.id = RecordKey.normalizedID(id)
        self.agency = String(agency.filter { $0 != " " })
    }

    /// The key of a record: `001 *a` and `001 *b` for danMARC2; MARC21 `001` and `003` (or `defaultAgency`).
    /// `nil` when the record has no id or no agency can be found.
    public init?(of record: MARCRecord, defaultAgency: String? = nil) {
        guard let id = record.identifier, !RecordKey.normalizedID(id).isEmpty else { return nil }
        let agency: String?
        if record.isDanMARC2 {
            agency = record.agency ?? defaultAgency
        } else {
            agency = record["003"]?.controlValue ?? defaultAgency
        }
        guard let agency, !agency.isEmpty else { return nil }
        self.init(id: id, agency: agency)
    }

    /// `id/agency`, e.g. `29526249/870970`.
    public var description: String { "\(id)/\(agency)" }

    /// Orders by id, then agency.
    public static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
        (lhs.id, lhs.agency) < (rhs.id, rhs.agency)
    }

    /// Removes blanks (danMARC2 writes faust numbers grouped: `2 952 624 9`).
    static func normalizedID(_ id: String) -> String {
        String(id.unicodeScalars.filter { $0 != " " && $0 != "\u{A0}" }.map(Character.init))
    }
}

/// Agency numbers (danMARC2 `001 *b`) with a fixed meaning in the Danish shared catalogue (DBC's rawrepo).
public enum Agency {
    /// The common records of the national shared catalogue ("fællespost").
    public static let common = "870970"
    /// Article records.
    public static let articles = "870971"
    /// Authority records (names and subjects that common records link to with `*5 870979 *6 …`).
    public static let authority = "870979"
    /// DBC's own enrichment layer, which carries DBC's letter-tag fields (`d08`, `s10`, `z99` …).
    public static let dbcEnrichment = "191919"
    /// The common record layer shared by school libraries (agencies 300001–399999).
    public static let schoolCommon = "300000"

    /// True for a six-digit library number.
    public static func isWellFormed(_ agency: String) -> Bool {
        agency.utf8.count == 6 && agency.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
