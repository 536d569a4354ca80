// Which fields feed which search index: DESIGN.md's index table, with the danMARC2 subfields DBC's own
// indexer uses (research/danmarc.md §4.5, solr-document-store `DkcclTermIndex.use.js`) and the usual MARC21
// equivalents. Plain data: SearchIndex reads it; nothing here depends on the MARC model types.

/// A search index (CQL index name). Raw values are the names used in queries.
public enum IndexName: String, CaseIterable, Sendable, Hashable {
    /// Title words.
    case title
    /// Author (person and corporate name) words.
    case author
    /// Subject words (subject headings, DBC subject words, DK5 text).
    case subject
    /// ISBN, both the 10- and 13-digit forms.
    case isbn
    /// ISSN, 8 characters.
    case issn
    /// Publication year (4 digits).
    case year
    /// Publisher words.
    case publisher
    /// Record id (faust number for danMARC2).
    case id
    /// Agency (library number; 870970 for DBC common records).
    case agency
    /// Material type code.
    case type
    /// Language code.
    case language
    /// Whole title values, for phrase search.
    case phraseTitle = "phrase.title"
    /// Whole author values ("surname forename"), for phrase search.
    case phraseAuthor = "phrase.author"
    /// Whole subject values, for phrase search.
    case phraseSubject = "phrase.subject"

    /// Danish CCL index codes (danbib / DDB practice) and the index each one means.
    public static let cclAliases: [String: IndexName] = [
        "ti": .title, "fo": .author, "em": .subject,
        "ib": .isbn, "is": .isbn, "in": .issn,
        "år": .year, "aar": .year, "fl": .publisher,
        "id": .id, "faust": .id, "ln": .agency,
        "ma": .type, "sp": .language,
        "lti": .phraseTitle, "lfo": .phraseAuthor, "lem": .phraseSubject,
    ]

    /// The index an index name or CCL alias names (case-insensitive), or nil.
    /// `IndexName.named("ti") == .title`, `IndexName.named("phrase.title") == .phraseTitle`.
    public static func named(_ name: String) -> IndexName? {
        let lower = name.lowercased()
        return IndexName(rawValue: lower) ?? cclAliases[lower]
    }

    /// Whether values are matched as whole phrases rather than as words.
    public var isPhraseIndex: Bool {
        self == .phraseTitle || self == .phraseAuthor || self == .phraseSubject
    }
}

/// One source of index values: a field (or a character range of a fixed field or the leader), which subfields,
/// and how the value is analysed.
public struct IndexFieldRule: Sendable, Hashable, CustomStringConvertible {
    /// How a value is turned into index terms.
    public enum Analysis: String, Sendable, Hashable, CaseIterable {
        /// Words through ``DanishAnalyzer/tokens(_:)``; for phrase indexes the whole value through
        /// ``DanishAnalyzer/phraseKey(_:)``.
        case text
        /// ``ISBN/searchForms(_:)``.
        case isbn
        /// ``ISSN/searchForms(_:)``.
        case issn
        /// Every 4-digit year (1000–2999) in the value: `"[1864]"`, `"c1999, 2003"`, `"2015-"`.
        case year
        /// A code, compared case-insensitively as a whole (`"dan"`, `"a"`, `"870970"`).
        case code
        /// A record id: blanks removed (faust numbers: ``Faust/normalized``).
        case identifier
    }

    /// The tag that stands for the leader in a rule's ``tag``.
    public static let leaderTag = "LDR"

    /// The index fed.
    public var index: IndexName
    /// The field tag (`"245"`, `"008"`) or ``leaderTag``.
    public var tag: String
    /// Subfield codes ("" = all subfields); with ``excludingSubfields``, the codes left out.
    public var subfields: String
    /// When true, every subfield except those in ``subfields`` is used.
    public var excludingSubfields: Bool
    /// For a MARC21 control field or the leader: the character positions used (`008/07-10` is `7...10`).
    public var positions: ClosedRange<Int>?
    /// How values are analysed.
    public var analysis: Analysis
    /// When true (the default), the chosen subfields of one field are joined by blanks into one value; when
    /// false, every subfield is a value of its own (danMARC2 666: each subfield is one subject word).
    public var joinsSubfields: Bool
    /// Why, where from, or caveats.
    public var note: String

    /// Creates a rule.
    public init(
        _ index: IndexName, _ tag: String, _ subfields: String = "", excluding: Bool = false,
        positions: ClosedRange<Int>? = nil, analysis: Analysis = .text, joinsSubfields: Bool = true, note: String = ""
    ) {
        self.index = index
        self.tag = tag
        self.subfields = subfields
        self.excludingSubfields = excluding
        self.positions = positions
        self.analysis = analysis
        self.joinsSubfields = joinsSubfields
        self.note = note
    }

    /// Whether the rule takes subfield `code` of its field.
    public func uses(subfield code: Character) -> Bool {
        if subfields.isEmpty { return !excludingSubfields }
        return subfields.contains(code) != excludingSubfields
    }

    /// `title ← 245 *abc`, `year ← 008/07-10`.
    public var description: String {
        var text = "\(index.rawValue) ← \(tag)"
        if let positions {
            text += "/\(positions.lowerBound)-\(positions.upperBound)"
        } else if !subfields.isEmpty {
            text += (excludingSubfields ? " all but *" : " *") + subfields
        }
        return text
    }

    /// The rules that apply to one index, in table order.
    public static func rules(for index: IndexName, in table: [IndexFieldRule]) -> [IndexFieldRule] {
        table.filter { $0.index == index }
    }

    // MARK: - danMARC2

    /// danMARC2 sources (DBC's field lists, research/danmarc.md §4.5; upper-case subfields are sort forms and are
    /// indexed too). danMARC2 has no control fields: 001, 008, 009 are data fields with subfields.
    public static let danMARC2: [IndexFieldRule] = [
        // index          tag    subfields                  options
        .init(.title,     "245", "abcgnopqrsuxyæøAPXU",     note: "title (*a), rest of title (*b), subtitle (*c), section, parallel titles"),
        .init(.title,     "240", "adefghjklnosø",           note: "uniform title"),
        .init(.title,     "241", "ano",                     note: "original title"),
        .init(.title,     "239", "tuvbø",                   note: "DBC standard title (music, film)"),
        .init(.title,     "242", "acno",                    note: "translated title"),
        .init(.title,     "210", "",                        note: "key title"),
        .init(.title,     "222", "",                        note: "key title (serials)"),
        .init(.title,     "247", "",                        note: "other title"),
        .init(.title,     "440", "acnopqrsvøæAP",           note: "series"),
        .init(.title,     "512", "tx",                      note: "titles in notes"),
        .init(.title,     "520", "tx",                      note: "earlier editions' titles"),
        .init(.title,     "526", "tx"),
        .init(.title,     "530", "tx"),
        .init(.title,     "534", "tx"),
        .init(.title,     "700", "tnojdpl",                 note: "title part of an added name/title entry"),
        .init(.title,     "710", "tnojdpl",                 note: "title part of an added corporate/title entry"),

        .init(.author,    "100", "ahkefcAEHK",              note: "person: *a surname, *h forenames, *k full forenames, *e numeral, *f addition, *c date"),
        .init(.author,    "110", "aecsikj",                 note: "corporate name"),
        .init(.author,    "239", "acefhAEH",                note: "name part of the standard title"),
        .init(.author,    "700", "acefhkAEH",               note: "added person"),
        .init(.author,    "710", "aceijksASC",              note: "added corporate name"),
        .init(.author,    "720", "ahkoAHK",                 note: "person in direct order (*o), e.g. illustrator"),

        .init(.subject,   "600", "012bå", excluding: true,  note: "subject person"),
        .init(.subject,   "610", "012bå", excluding: true,  note: "subject corporate body"),
        .init(.subject,   "630", "2", excluding: true,      note: "other subject systems"),
        .init(.subject,   "645", "2", excluding: true),
        .init(.subject,   "650", "2", excluding: true),
        .init(.subject,   "620", "ab"),
        .init(.subject,   "621", ""),
        .init(.subject,   "631", ""),
        .init(.subject,   "633", "auA"),
        .init(.subject,   "634", ""),
        .init(.subject,   "651", ""),
        .init(.subject,   "652", "abcefhktAEH",             note: "DK5 alphabetical subdivision (names, text); the class number is not a word"),
        .init(.subject,   "666", "0156å", excluding: true, joinsSubfields: false,
              note: "DBC subject words: *f *s *e *q *t *r *m *n *p *l *i *o *u; each subfield one word"),

        .init(.isbn,      "021", "aewx", analysis: .isbn,   note: "*a ISBN-10, *e ISBN-13, *w, *x wrong ISBN (kept: it was printed)"),
        .init(.issn,      "022", "alxz", analysis: .issn),
        .init(.year,      "008", "az", analysis: .year,     note: "*a year, *z later year"),
        .init(.year,      "260", "c", analysis: .year,      note: "year of publication"),
        .init(.year,      "521", "c", analysis: .year,      note: "year of impression"),
        .init(.publisher, "260", "b"),
        .init(.id,        "001", "a", analysis: .identifier, note: "faust number (blanks removed)"),
        .init(.agency,    "001", "b", analysis: .code,      note: "library number; holdings add more agencies"),
        .init(.type,      "009", "ag", analysis: .code,     note: "*a general material type, *g specific type"),
        .init(.language,  "008", "l", analysis: .code,      note: "main language"),
        .init(.language,  "041", "adeups", analysis: .code),

        .init(.phraseTitle,   "245", "acnoø",               note: "title *a + subtitle *c as one value"),
        .init(.phraseTitle,   "239", "tø"),
        .init(.phraseTitle,   "240", "a"),
        .init(.phraseTitle,   "241", "a"),
        .init(.phraseTitle,   "440", "a"),
        .init(.phraseAuthor,  "100", "ahkefc",              note: "\"surname forenames\": \"Jepsen Erling\" (as DBC's lfo)"),
        .init(.phraseAuthor,  "110", "aecs"),
        .init(.phraseAuthor,  "700", "ahkefc"),
        .init(.phraseAuthor,  "710", "aecs"),
        .init(.phraseAuthor,  "720", "o"),
        .init(.phraseSubject, "600", "ahkefc"),
        .init(.phraseSubject, "610", "aecs"),
        .init(.phraseSubject, "630", "2", excluding: true),
        .init(.phraseSubject, "650", "2", excluding: true),
        .init(.phraseSubject, "666", "0156å", excluding: true, joinsSubfields: false),
    ]

    // MARK: - MARC21

    /// MARC21 sources (LC's bibliographic format; DESIGN.md's table). 001 is a control field (whole value);
    /// positional rules read fixed fields and the leader.
    public static let marc21: [IndexFieldRule] = [
        // index          tag    subfields                  options
        .init(.title,     "245", "abfgknps",                note: "title statement without *c (responsibility)"),
        .init(.title,     "246", "abnp",                    note: "varying form of title"),
        .init(.title,     "240", "adfgklmnoprs",            note: "uniform title"),
        .init(.title,     "130", "adfgklmnoprs",            note: "uniform title main entry"),
        .init(.title,     "490", "av",                      note: "series statement"),
        .init(.title,     "440", "anpv",                    note: "series (obsolete tag, common in old records)"),
        .init(.title,     "730", "adfgklmnoprs",            note: "added uniform title"),
        .init(.title,     "740", "anp",                     note: "added related title"),
        .init(.title,     "700", "tnp",                     note: "title part of a name/title entry"),

        .init(.author,    "100", "abcdq",                   note: "personal name, numeration, titles, dates, fuller form"),
        .init(.author,    "110", "abcdgn"),
        .init(.author,    "111", "acdegnq"),
        .init(.author,    "700", "abcdq"),
        .init(.author,    "710", "abcdgn"),
        .init(.author,    "711", "acdegnq"),

        .init(.subject,   "600", "abcdqtvxyz"),
        .init(.subject,   "610", "abcdgntvxyz"),
        .init(.subject,   "611", "acdegnqtvxyz"),
        .init(.subject,   "630", "adfgklmnoprstvxyz"),
        .init(.subject,   "650", "abcdvxyz"),
        .init(.subject,   "651", "avxyz"),
        .init(.subject,   "655", "avxyz",                   note: "genre/form"),

        .init(.isbn,      "020", "az", analysis: .isbn,     note: "*z cancelled/invalid ISBN, kept"),
        .init(.issn,      "022", "alyz", analysis: .issn),
        .init(.year,      "008", positions: 7...10, analysis: .year, note: "Date 1"),
        .init(.year,      "260", "c", analysis: .year),
        .init(.year,      "264", "c", analysis: .year),
        .init(.publisher, "260", "b"),
        .init(.publisher, "264", "b"),
        .init(.id,        "001", analysis: .identifier,     note: "control number (whole control field)"),
        .init(.agency,    "003", analysis: .code,           note: "control number identifier [inferred]; holdings add more"),
        .init(.type,      leaderTag, positions: 6...7, analysis: .code, note: "type of record + bibliographic level"),
        .init(.language,  "008", positions: 35...37, analysis: .code),
        .init(.language,  "041", "adeh", analysis: .code),

        .init(.phraseTitle,   "245", "abnp"),
        .init(.phraseTitle,   "246", "abnp"),
        .init(.phraseTitle,   "240", "a"),
        .init(.phraseTitle,   "130", "a"),
        .init(.phraseTitle,   "490", "a"),
        .init(.phraseTitle,   "730", "a"),
        .init(.phraseAuthor,  "100", "abcdq",               note: "\"Surname, Forenames\" folds to \"surname forenames\""),
        .init(.phraseAuthor,  "110", "abcdgn"),
        .init(.phraseAuthor,  "111", "acdegnq"),
        .init(.phraseAuthor,  "700", "abcdq"),
        .init(.phraseAuthor,  "710", "abcdgn"),
        .init(.phraseAuthor,  "711", "acdegnq"),
        .init(.phraseSubject, "600", "abcdqtvxyz"),
        .init(.phraseSubject, "610", "abcdgntvxyz"),
        .init(.phraseSubject, "611", "acdegnqtvxyz"),
        .init(.phraseSubject, "630", "adfgklmnoprstvxyz"),
        .init(.phraseSubject, "650", "abcdvxyz"),
        .init(.phraseSubject, "651", "avxyz"),
        .init(.phraseSubject, "655", "avxyz"),
    ]

    /// Every 4-digit year (1000–2999) in a value, in order, without repeats: the `year` analysis.
    /// `years(in: "[1864], c1999 og 2003-2005") == ["1864", "1999", "2003", "2005"]`.
    public static func years(in value: String) -> [String] {
        let bytes = Array(value.utf8)
        var result: [String] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] &- 0x30 < 10 else { i += 1; continue }
            var j = i
            while j < bytes.count && bytes[j] &- 0x30 < 10 { j += 1 }
            if j - i == 4 && (bytes[i] == 0x31 || bytes[i] == 0x32) {
                let year = String(decoding: bytes[i..<j], as: UTF8.self)
                if !result.contains(year) { result.append(year) }
            }
            i = j
        }
        return result
    }
}
