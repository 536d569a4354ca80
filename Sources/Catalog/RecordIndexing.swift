import MARC
import SearchIndex
import TextAnalysis

/// Maps a MARC record (danMARC2 or MARC21) to the document the search index stores, following the index field
/// table in `TextAnalysis` (``IndexFieldRule/danMARC2`` and ``IndexFieldRule/marc21``).
///
/// The index analyses words itself; this mapping picks the values, extracts years, cleans codes and identifiers,
/// and makes the display fields, sort keys and facets.
public struct RecordIndexing: Sendable {
    /// The analyzer used for sort keys (the index uses the same one for terms).
    public let analyzer: DanishAnalyzer

    /// Creates a mapping.
    public init(analyzer: DanishAnalyzer = DanishAnalyzer()) {
        self.analyzer = analyzer
    }

    /// The index document for `record`, owned by `agency` (default: the record's own, else the common agency).
    public func document(for record: MARCRecord, agency: String? = nil, holdings: IndexDocument.Holdings? = nil)
        -> IndexDocument
    {
        let danish = record.isDanMARC2
        let table = danish ? IndexFieldRule.danMARC2 : IndexFieldRule.marc21
        var fields: [String: [String]] = [:]
        for rule in table {
            let values = Self.values(of: rule, in: record)
            if values.isEmpty { continue }
            var cleaned: [String] = []
            for v in values {
                switch rule.analysis {
                case .year: cleaned += IndexFieldRule.years(in: v)
                case .code: cleaned.append(v.trimmingBlanks.lowercased())
                case .identifier: cleaned.append(String(v.filter { $0 != " " }))
                case .text, .isbn, .issn: cleaned.append(v.replacingFilingMarker)
                }
            }
            cleaned.removeAll { $0.isEmpty }
            if !cleaned.isEmpty { fields[rule.index.rawValue, default: []] += cleaned }
        }
        let id = record.identifier?.filter { $0 != " " } ?? ""
        let owner = agency ?? record.agency ?? Self.marc21Agency(record)
        let display = Self.display(record)
        let years = fields["year"] ?? []
        var facets: [String: [String]] = [:]
        if let types = fields["type"] { facets["type"] = Array(Set(types)).sorted() }
        if let languages = fields["language"] { facets["language"] = Array(Set(languages)).sorted() }
        if let first = years.first { facets["year"] = [first] }
        if !display.author.isEmpty { facets["author"] = [display.author] }
        let subjects = Self.subjectFacetValues(record, danish: danish)
        if !subjects.isEmpty { facets["subject"] = subjects }
        return IndexDocument(
            id: id, agency: owner, fields: fields,
            title: display.title, author: display.author, year: years.first ?? "",
            sortTitle: analyzer.sortKey(display.filingTitle, nonFilingCount: display.nonFilingCount),
            sortAuthor: analyzer.sortKey(display.sortAuthor),
            sortYear: years.first.flatMap { Int($0) }, facets: facets, holdings: holdings)
    }

    /// The values a rule takes from a record: joined subfields per field, single subfields, or character positions.
    static func values(of rule: IndexFieldRule, in record: MARCRecord) -> [String] {
        if let positions = rule.positions {
            let source: String?
            if rule.tag == IndexFieldRule.leaderTag {
                source = record.leader.description
            } else {
                source = Tag(rule.tag).flatMap { record[$0]?.controlValue }
            }
            guard let source else { return [] }
            let scalars = Array(source.unicodeScalars)
            guard positions.lowerBound < scalars.count else { return [] }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[positions.lowerBound...min(positions.upperBound, scalars.count - 1)])
            return [String(s)]
        }
        guard let tag = Tag(rule.tag) else { return [] }
        var out: [String] = []
        for field in record.fields where field.tag == tag {
            if let value = field.controlValue {
                out.append(value)
                continue
            }
            let chosen = field.subfields.filter { rule.uses(subfield: Character($0.code)) }.map(\.value)
            if chosen.isEmpty { continue }
            // Codes, identifiers and years are single values: never join their subfields.
            if rule.joinsSubfields && (rule.analysis == .text || rule.analysis == .isbn || rule.analysis == .issn) {
                out.append(chosen.joined(separator: " "))
            } else {
                out += chosen
            }
        }
        return out
    }

    struct Display {
        var title: String
        var filingTitle: String
        var nonFilingCount: Int
        var author: String
        var sortAuthor: String
    }

    /// Title, author and their filing forms for display and sorting.
    static func display(_ record: MARCRecord) -> Display {
        let t245 = record["245"]
        if record.isDanMARC2 {
            let main = t245?["a"] ?? record["239"]?["t"] ?? ""
            let sub = t245?["c"]
            let title = sub.map { "\(main) : \($0)" } ?? main
            var author = ""
            var sortAuthor = ""
            if let p = record["100"] ?? record["700"] {
                let surname = p["a"] ?? ""
                let forenames = p["h"] ?? p["k"] ?? ""
                author = forenames.isEmpty ? surname : "\(forenames) \(surname)"
                sortAuthor = forenames.isEmpty ? surname : "\(surname) \(forenames)"
            } else if let c = record["110"] ?? record["710"] {
                author = c["a"] ?? ""
                sortAuthor = author
            }
            return Display(
                title: title.replacingFilingMarker, filingTitle: title, nonFilingCount: 0,
                author: author.replacingFilingMarker, sortAuthor: sortAuthor)
        }
        var title = ([t245?["a"], t245?["b"]].compactMap { $0 }).joined(separator: " ")
        title = title.trimmingTrailingPunctuation
        let nonFiling = t245.flatMap { Int(String(Character($0.indicators.second))) } ?? 0
        let name = record["100"] ?? record["110"] ?? record["111"] ?? record["700"] ?? record["710"]
        let author = (name?["a"] ?? "").trimmingTrailingPunctuation
        return Display(title: title, filingTitle: title, nonFilingCount: nonFiling, author: author, sortAuthor: author)
    }

    static func subjectFacetValues(_ record: MARCRecord, danish: Bool) -> [String] {
        var out: [String] = []
        if danish {
            for f in record.fields("666") {
                for s in f.subfields where "fseqtmr".unicodeScalars.contains(s.code) { out.append(s.value) }
            }
            for f in record.fields("600") {
                if let a = f["a"] { out.append([f["h"], a].compactMap { $0 }.joined(separator: " ")) }
            }
        } else {
            for tag in ["650", "651", "600", "610"] {
                for f in record.fields(Tag(stringLiteral: tag)) {
                    if let a = f["a"] { out.append(a.trimmingTrailingPunctuation) }
                }
            }
        }
        var seen = Set<String>()
        return out.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    static func marc21Agency(_ record: MARCRecord) -> String {
        record["003"]?.controlValue?.trimmingBlanks ?? ""
    }
}

extension String {
    /// Without danMARC2's non-filing marker `¤`.
    var replacingFilingMarker: String {
        guard unicodeScalars.contains("\u{A4}") else { return self }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: unicodeScalars.filter { $0 != "\u{A4}" })
        return String(s)
    }

    /// Without leading and trailing blanks.
    var trimmingBlanks: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    /// Without the ISBD punctuation that ends MARC21 values (` /`, ` :`, `,`, `.`).
    var trimmingTrailingPunctuation: String {
        var s = Substring(self)
        while let last = s.last, " /:;,.".contains(last) { s.removeLast() }
        return String(s)
    }
}
