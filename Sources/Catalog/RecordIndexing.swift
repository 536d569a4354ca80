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
        let table = danish ? CompiledRules.danMARC2 : CompiledRules.marc21
        // Values gathered per index in a flat array (one dictionary is made at the end, not one lookup per value).
        var buckets = [[String]](repeating: [], count: CompiledRules.indexNames.count)
        func add(_ rule: CompiledRules.Rule, _ v: String) {
            switch rule.analysis {
            case .year:
                buckets[rule.slot] += IndexFieldRule.years(in: v)
            case .code:
                let c = v.trimmingBlanks.lowercased()
                if !c.isEmpty { buckets[rule.slot].append(c) }
            case .identifier:
                let c = String(v.filter { $0 != " " })
                if !c.isEmpty { buckets[rule.slot].append(c) }
            case .text, .isbn, .issn:
                if !v.isEmpty { buckets[rule.slot].append(v.replacingFilingMarker) }
            }
        }
        // One pass over the fields; each field meets only the rules for its tag.
        for field in record.fields {
            guard let rules = table.byTag[field.tag] else { continue }
            for rule in rules {
                if let value = field.controlValue {
                    if let positions = rule.positions {
                        if let v = Self.slice(value, positions) { add(rule, v) }
                    } else {
                        add(rule, value)
                    }
                    continue
                }
                if rule.joins {
                    var joined = ""
                    for sub in field.subfields where rule.uses(sub.code) {
                        if !joined.isEmpty { joined += " " }
                        joined += sub.value
                    }
                    if !joined.isEmpty { add(rule, joined) }
                } else {
                    for sub in field.subfields where rule.uses(sub.code) { add(rule, sub.value) }
                }
            }
        }
        for rule in table.leaderRules {
            if let v = Self.slice(record.leader.description, rule.positions ?? 0...0) { add(rule, v) }
        }
        var fields: [String: [String]] = Dictionary(minimumCapacity: 16)
        for (slot, values) in buckets.enumerated() where !values.isEmpty { fields[CompiledRules.indexNames[slot]] = values }
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
            // The index keeps a key's first bytes; the primary level (letters, æ ø å after z) is what those hold.
            sortTitle: analyzer.sortKey(display.filingTitle, nonFilingCount: display.nonFilingCount, level: .primary),
            sortAuthor: analyzer.sortKey(display.sortAuthor, level: .primary),
            sortYear: years.first.flatMap { Int($0) }, facets: facets, holdings: holdings)
    }

    /// Characters `positions` of a fixed field or the leader (clamped), or `nil` when the value is too short.
    static func slice(_ value: String, _ positions: ClosedRange<Int>) -> String? {
        let scalars = value.unicodeScalars
        guard positions.lowerBound < scalars.count else { return nil }
        let start = scalars.index(scalars.startIndex, offsetBy: positions.lowerBound)
        let end = scalars.index(start, offsetBy: min(positions.upperBound, scalars.count - 1) - positions.lowerBound + 1)
        return String(scalars[start..<end])
    }

    /// The index field tables compiled for the hot path: rules grouped by tag, subfield codes as bit masks.
    struct CompiledRules: Sendable {
        /// Index names by slot.
        static let indexNames: [String] = IndexName.allCases.map(\.rawValue)

        struct Rule: Sendable {
            let index: String
            let slot: Int
            let analysis: IndexFieldRule.Analysis
            let positions: ClosedRange<Int>?
            let joins: Bool
            let all: Bool
            let excluding: Bool
            let low: UInt64
            let high: UInt64
            let others: Set<Unicode.Scalar>

            init(_ r: IndexFieldRule) {
                index = r.index.rawValue
                slot = IndexName.allCases.firstIndex(of: r.index) ?? 0
                analysis = r.analysis
                positions = r.positions
                // Codes, identifiers and years are single values: never join their subfields.
                joins = r.joinsSubfields && (r.analysis == .text || r.analysis == .isbn || r.analysis == .issn)
                all = r.subfields.isEmpty
                excluding = r.excludingSubfields
                var low: UInt64 = 0
                var high: UInt64 = 0
                var others = Set<Unicode.Scalar>()
                for c in r.subfields.unicodeScalars {
                    if c.value < 64 { low |= 1 << UInt64(c.value) } else if c.value < 128 { high |= 1 << UInt64(c.value - 64) } else { others.insert(c) }
                }
                self.low = low
                self.high = high
                self.others = others
            }

            @inline(__always)
            func uses(_ code: Unicode.Scalar) -> Bool {
                if all { return !excluding }
                let v = code.value
                let listed = v < 64 ? low & (1 << UInt64(v)) != 0 : v < 128 ? high & (1 << UInt64(v - 64)) != 0 : others.contains(code)
                return listed != excluding
            }
        }

        let byTag: [Tag: [Rule]]
        let leaderRules: [Rule]

        init(_ table: [IndexFieldRule]) {
            var byTag: [Tag: [Rule]] = [:]
            var leader: [Rule] = []
            for r in table {
                if r.tag == IndexFieldRule.leaderTag {
                    leader.append(Rule(r))
                } else if let tag = Tag(r.tag) {
                    byTag[tag, default: []].append(Rule(r))
                }
            }
            self.byTag = byTag
            leaderRules = leader
        }

        static let danMARC2 = CompiledRules(IndexFieldRule.danMARC2)
        static let marc21 = CompiledRules(IndexFieldRule.marc21)
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
