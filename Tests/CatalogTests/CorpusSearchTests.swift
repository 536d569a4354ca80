import Catalog
import Foundation
import KartotekTestSupport
import MARC
import SearchIndex
import Testing
import TextAnalysis

/// CQL over the bundled Corpus, checked against a brute-force oracle: for every query, the index's hit set must
/// equal the set of records an independent evaluation over the same documents' field values selects.
@Suite struct CorpusSearchTests {
    struct Fixture: Sendable {
        let catalogue: Catalogue
        /// Documents of the common view (common and local records), by "id/agency".
        let documents: [String: IndexDocument]
    }

    static let fixture: Fixture = {
        let corpus = TestSupport.bundledCorpus.path
        var records: [MARCRecord] = []
        for file in ["danmarc2/common.jsonl", "marc21/books.jsonl", "local/710100.jsonl", "local/775100.jsonl", "local/785100.jsonl",
                     "enrichment/710100.jsonl", "enrichment/715700.jsonl", "enrichment/775100.jsonl"] {
            if var reader = try? MARCJSONReader(path: "\(corpus)/\(file)") {
                while let r = try? reader.next() { records.append(r) }
            }
        }
        let holdings = (try? HoldingsItem.readJSONLines(path: "\(corpus)/holdings.jsonl").items) ?? []
        let catalogue = Catalogue(records: records, holdings: holdings)
        let indexing = RecordIndexing()
        let held = catalogue.holdings.snapshot()
        var docs: [String: IndexDocument] = [:]
        for r in records {
            guard let key = RecordKey(of: r), catalogue.layer(of: key) != .enrichment else { continue }
            var doc = indexing.document(for: r, agency: key.agency)
            doc.fields["agency", default: []] += held.agencies(holding: key.id).sorted()
            docs["\(key.id)/\(key.agency)"] = doc
        }
        return Fixture(catalogue: catalogue, documents: docs)
    }()

    static let analyzer = DanishAnalyzer()

    /// An oracle predicate over one document.
    typealias Oracle = @Sendable (IndexDocument) -> Bool

    static func values(_ d: IndexDocument, _ index: String) -> [String] {
        if index == "" {
            return ["title", "author", "subject", "isbn", "issn", "year", "publisher", "id", "agency", "type", "language"]
                .flatMap { d.fields[$0] ?? [] }
        }
        if index == "id" { return (d.fields["id"] ?? []) + [d.id] }
        return d.fields[index] ?? []
    }

    /// The word (or words adjacent, in order) occurs in one value of the index.
    static func word(_ index: String, _ text: String) -> Oracle {
        let q = analyzer.tokens(text)
        return { d in
            values(d, index).contains { v in
                let t = analyzer.tokens(v)
                guard t.count >= q.count, !q.isEmpty else { return false }
                return (0...(t.count - q.count)).contains { Array(t[$0..<($0 + q.count)]) == q }
            }
        }
    }

    /// A token of the index matches a pattern (`*` any run, `?` one character) on normalised text.
    static func pattern(_ index: String, _ p: String) -> Oracle {
        let regex = "^" + NSRegularExpression.escapedPattern(for: analyzer.normalize(p))
            .replacingOccurrences(of: "\\*", with: ".*").replacingOccurrences(of: "\\?", with: ".") + "$"
        let re = try! NSRegularExpression(pattern: regex)  // built from a test literal, not from input
        return { d in
            values(d, index).contains { v in
                analyzer.tokens(v).contains { t in re.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) != nil }
            }
        }
    }

    static func phrase(_ index: String, _ text: String) -> Oracle {
        let key = analyzer.phraseKey(text)
        return { d in values(d, "phrase." + index).contains { analyzer.phraseKey($0) == key } }
    }

    static func isbn(_ raw: String) -> Oracle {
        let forms = Set(ISBN.searchForms(raw))
        return { d in values(d, "isbn").contains { !Set(ISBN.searchForms($0)).isDisjoint(with: forms) } }
    }

    static func year(_ test: @escaping @Sendable (Int) -> Bool) -> Oracle {
        { d in values(d, "year").contains { Int($0).map(test) ?? false } }
    }

    static func code(_ index: String, _ value: String) -> Oracle {
        { d in values(d, index).contains { $0.lowercased() == value.lowercased() } }
    }

    static let queries: [(String, Oracle)] = {
        func and(_ a: @escaping Oracle, _ b: @escaping Oracle) -> Oracle { { a($0) && b($0) } }
        func or(_ a: @escaping Oracle, _ b: @escaping Oracle) -> Oracle { { a($0) || b($0) } }
        func not(_ a: @escaping Oracle, _ b: @escaping Oracle) -> Oracle { { a($0) && !b($0) } }
        return [
            // Single words in each word index, with Danish folding.
            ("ti = eventyr", word("title", "eventyr")),
            ("ti = Ålborg", word("title", "ålborg")),
            ("ti = aalborg", word("title", "ålborg")),
            ("title = havfrue", word("title", "havfrue")),
            ("em = ægteskab", word("subject", "ægteskab")),
            ("ti = 1864", word("title", "1864")),
            ("ti = 1984", word("title", "1984")),
            ("fo = kierkegaard", word("author", "kierkegaard")),
            ("fo = kierkegård", word("author", "kierkegård")),
            ("author = blixen", word("author", "blixen")),
            ("fo = høeg", word("author", "høeg")),
            ("fo = hoeg", word("author", "hoeg")),
            ("fo = andersen", word("author", "andersen")),
            ("fo = rowling", word("author", "rowling")),
            ("fo = Saint-Exupéry", word("author", "saint exupery")),
            ("em = eventyr", word("subject", "eventyr")),
            ("subject = krimi", word("subject", "krimi")),
            ("em = kærlighed", word("subject", "kærlighed")),
            ("em = danmark", word("subject", "danmark")),
            ("fl = gyldendal", word("publisher", "gyldendal")),
            ("publisher = politiken", word("publisher", "politiken")),
            ("sp = dan", code("language", "dan")),
            ("sp = eng", code("language", "eng")),
            ("language = ger", code("language", "ger")),
            ("ma = xx", code("type", "xx")),
            ("ln = 785100", code("agency", "785100")),
            ("kierkegaard", word("", "kierkegaard")),
            ("gyldendal", word("", "gyldendal")),
            ("aarhus", word("", "århus")),
            // Phrases (adjacent words in one value) and exact phrase indexes.
            ("ti = \"lille prins\"", word("title", "lille prins")),
            ("ti = \"den lille havfrue\"", word("title", "den lille havfrue")),
            ("ti adj \"fornemmelse for sne\"", word("title", "fornemmelse for sne")),
            ("fo = \"kierkegaard søren\"", word("author", "kierkegaard søren")),
            ("lti = \"den lille prins\"", phrase("title", "den lille prins")),
            ("lfo = \"kierkegaard søren\"", phrase("author", "kierkegaard søren")),
            ("ti == \"frøken smillas fornemmelse for sne\"", phrase("title", "frøken smillas fornemmelse for sne")),
            // all / any.
            ("ti all \"prins lille\"", and(word("title", "prins"), word("title", "lille"))),
            ("ti any \"havfrue prins\"", or(word("title", "havfrue"), word("title", "prins"))),
            ("fo any \"blixen ditlevsen høeg\"", or(word("author", "blixen"), or(word("author", "ditlevsen"), word("author", "høeg")))),
            // Truncation and masking.
            ("ti = hav*", pattern("title", "hav*")),
            ("ti = kær*", pattern("title", "kær*")),
            ("fo = ditlev*", pattern("author", "ditlev*")),
            ("em = *mænd", pattern("subject", "*mænd")),
            ("ti = h?vet", pattern("title", "h?vet")),
            ("fo = j?nsen", pattern("author", "j?nsen")),
            ("ti = *ventyr*", pattern("title", "*ventyr*")),
            // ISBN-10 ⇄ ISBN-13.
            ("ib = 87-7357-980-7", isbn("87-7357-980-7")),
            ("ib = 9788773579800", isbn("9788773579800")),
            ("isbn = 8773573086", isbn("8773573086")),
            ("ib = 978-87-7357-308-2", isbn("978-87-7357-308-2")),
            // Years.
            ("år = 1843", year { $0 == 1843 }),
            ("år > 2015", year { $0 > 2015 }),
            ("år < 1900", year { $0 < 1900 }),
            ("år >= 2020", year { $0 >= 2020 }),
            ("år <= 1850", year { $0 <= 1850 }),
            ("år within \"1990 1999\"", year { (1990...1999).contains($0) }),
            ("year within \"1900 1950\"", year { (1900...1950).contains($0) }),
            // Booleans, equal precedence left to right, and nesting.
            ("fo = andersen and em = eventyr", and(word("author", "andersen"), word("subject", "eventyr"))),
            ("fo = blixen or fo = ditlevsen", or(word("author", "blixen"), word("author", "ditlevsen"))),
            ("fo = kierkegaard not år < 1900", not(word("author", "kierkegaard"), year { $0 < 1900 })),
            ("fo = andersen or fo = blixen and sp = dan",
             and(or(word("author", "andersen"), word("author", "blixen")), code("language", "dan"))),
            ("fo = andersen or (fo = blixen and sp = dan)",
             or(word("author", "andersen"), and(word("author", "blixen"), code("language", "dan")))),
            ("(ti = eventyr or em = eventyr) and år > 2000",
             and(or(word("title", "eventyr"), word("subject", "eventyr")), year { $0 > 2000 })),
            ("((fo = kierkegaard or fo = kierkegård) not ti = angest) and sp = dan",
             and(not(or(word("author", "kierkegaard"), word("author", "kierkegård")), word("title", "angest")), code("language", "dan"))),
            ("sp = eng not (fo = rowling or fo = tolkien)",
             not(code("language", "eng"), or(word("author", "rowling"), word("author", "tolkien")))),
            ("em = krimi or em = fantasy or em = digte",
             or(word("subject", "krimi"), or(word("subject", "fantasy"), word("subject", "digte")))),
        ]
    }()

    @Test(arguments: 0..<queries.count)
    func hitSetEqualsTheOracle(index: Int) throws {
        let (query, oracle) = Self.queries[index]
        let f = Self.fixture
        let expected = Set(f.documents.filter { oracle($0.value) }.keys)
        let result = try f.catalogue.search(query, options: CatalogSearchOptions(limit: 10_000))
        let got = Set(result.hits.map { "\($0.hit.id)/\($0.hit.agency)" })
        #expect(result.total == got.count)
        #expect(got == expected, "\(query): missing \(expected.subtracting(got).sorted().prefix(5)), extra \(got.subtracting(expected).sorted().prefix(5))")
    }

    @Test func everyQueryIsMeaningful() {
        // Most queries hit something, and none hits everything: the oracle comparison is not vacuous.
        let f = Self.fixture
        let counts = Self.queries.map { q in f.documents.values.filter(q.1).count }
        #expect(counts.filter { $0 > 0 }.count == Self.queries.count, "\(zip(Self.queries.map(\.0), counts).filter { $0.1 == 0 }.map(\.0))")
        #expect(counts.allSatisfy { $0 < f.documents.count })
        #expect(Self.queries.count >= 60)
    }
}
