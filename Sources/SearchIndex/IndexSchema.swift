/// The fixed set of indexes, their CQL names, Danish CCL aliases and ranking weights.
public enum IndexSchema {
    /// How an index's values are turned into terms.
    enum Kind: UInt8, Sendable {
        /// Analysed words with positions (adjacency, phrases, proximity).
        case words = 0
        /// Analysed words without positions (codes, years, ids).
        case codes = 1
        /// ISBN: `ISBN.indexForm` of each value (the 13-digit form when valid).
        case isbn = 2
        /// ISSN: digits and X only.
        case issn = 3
        /// The whole normalised value as one term.
        case phrase = 4
    }

    struct Field: Sendable {
        let name: String
        let kind: Kind
        let weight: Float
    }

    /// Index names in storage order. The order is part of the file format.
    static let fields: [Field] = [
        Field(name: "title", kind: .words, weight: 3.0),
        Field(name: "author", kind: .words, weight: 2.0),
        Field(name: "subject", kind: .words, weight: 1.5),
        Field(name: "isbn", kind: .isbn, weight: 1.0),
        Field(name: "issn", kind: .issn, weight: 1.0),
        Field(name: "year", kind: .codes, weight: 1.0),
        Field(name: "publisher", kind: .words, weight: 1.0),
        Field(name: "id", kind: .codes, weight: 1.0),
        Field(name: "agency", kind: .codes, weight: 1.0),
        Field(name: "type", kind: .codes, weight: 1.0),
        Field(name: "language", kind: .codes, weight: 1.0),
        Field(name: "phrase.title", kind: .phrase, weight: 3.0),
        Field(name: "phrase.author", kind: .phrase, weight: 2.0),
        Field(name: "phrase.subject", kind: .phrase, weight: 1.5),
    ]

    /// The word indexes a bare term (`cql.serverChoice`) searches.
    static let serverChoiceFields: [Int] = Array(0...10)

    /// Facet names in storage order.
    static let facetNames: [String] = ["type", "language", "year", "author", "subject"]

    /// Canonical index names, in storage order: the word indexes then the phrase indexes.
    public static var indexNames: [String] { fields.map(\.name) }

    /// Facet names accepted by ``SearchOptions/facets``.
    public static var facets: [String] { facetNames }

    /// Alias → canonical index name (Danish CCL short names and common CQL context-set names).
    public static let aliases: [String: String] = [
        "ti": "title", "fo": "author", "em": "subject", "ib": "isbn", "is": "isbn", "in": "issn",
        "år": "year", "aar": "year", "fl": "publisher", "id": "id", "faust": "id", "ln": "agency",
        "ma": "type", "sp": "language", "lti": "phrase.title", "lfo": "phrase.author",
        "lem": "phrase.subject", "creator": "author", "date": "year", "rec.id": "id",
        "dc.title": "title", "dc.creator": "author", "dc.subject": "subject", "dc.date": "year",
        "dc.publisher": "publisher", "dc.language": "language", "dc.type": "type",
        "phrase.creator": "phrase.author",
    ]

    /// The canonical index for a CQL index name (case-insensitive; `term.`, `dkcclterm.` and
    /// `dkcclphrase.` prefixes are dropped), or nil for an unknown index.
    /// `cql.serverChoice`, `cql.anywhere` and `cql.keywords` map to the empty string (all word indexes);
    /// `cql.allRecords` maps to itself.
    public static func canonicalIndex(_ name: String) -> String? {
        var n = lowercasedIfNeeded(name)
        if n == "cql.serverchoice" || n == "cql.anywhere" || n == "cql.keywords" || n == "term.default" {
            return ""
        }
        if n == "cql.allrecords" { return "cql.allRecords" }
        for prefix in ["term.", "dkcclterm.", "dkcclphrase."] where n.hasPrefix(prefix) {
            n = String(n.dropFirst(prefix.count))
            break
        }
        if fieldNumber(n) != nil { return n }
        if let a = aliases[n] { return a }
        return nil
    }

    static func fieldNumber(_ name: String) -> Int? {
        fields.firstIndex { $0.name == name }
    }
}
