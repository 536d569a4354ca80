@testable import SearchIndex
import Testing
import TextAnalysis

/// The top-k path (block-max pruning over posting cursors, `SearchOptions.exactTotal`) against the full
/// evaluation of the same queries on a generated index large enough for multi-block posting lists.
@Suite("Top-k search with block-max pruning")
struct TopKTests {
    /// A deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        /// Zipf-like: small indexes far more often.
        mutating func skewed(_ n: Int) -> Int { min(n - 1, Int(Double(n) * pow01(Double(below(1 << 20)) / Double(1 << 20)))) }
        private func pow01(_ x: Double) -> Double { x * x * x }
    }

    static let vocabulary: [String] = {
        let stems = ["skov", "hav", "by", "nat", "dag", "sol", "vind", "sne", "brød", "hus", "vej", "bro", "ø", "fjord",
                     "mark", "eng", "sø", "å", "kirke", "skib", "rejse", "krig", "fred", "sang", "bog", "brev"]
        let endings = ["", "en", "et", "ene", "s", "løb", "lys", "liv"]
        return stems.flatMap { s in endings.map { s + $0 } }
    }()

    /// Documents with titles of 1–30 words, repeated words (tf > 1), abstracts in the subject index and a
    /// handful of authors: lists from one to thousands of postings, with scores that vary within blocks.
    static func documents(count: Int, seed: UInt64) -> [IndexDocument] {
        var g = Generator(state: seed)
        let v = vocabulary
        // Some authors' names are also title and subject words: a bare word in three indexes.
        let authors = ["Blixen, Karen", "Andersen, H.C.", "Høeg, Peter", "Ørsted, Anna", "Aakjær, Jeppe", "Skov, Anna",
                       "Hav, Ole", "Sol, Bo"]
        return (0..<count).map { i in
            let titleLength = 1 + g.skewed(30)
            let title = (0..<titleLength).map { _ in v[g.skewed(v.count)] }.joined(separator: " ")
            let abstract = (0..<(g.below(40))).map { _ in v[g.skewed(v.count)] }.joined(separator: " ")
            let author = authors[g.below(authors.count)]
            return IndexDocument(
                id: "T\(i)", agency: "870970",
                fields: ["title": [title], "author": [author], "subject": [abstract], "year": ["\(1900 + g.below(120))"],
                         "type": ["bog"], "language": ["dan"]],
                title: title, author: author, year: "", facets: ["type": ["bog"]])
        }
    }

    static let single = IndexSnapshot.build(documents(count: 6_000, seed: 7))

    /// Several segments, some documents deleted (the writer keeps a deletion set per segment).
    static let segmented: IndexSnapshot = {
        let writer = IndexWriter(flushThreshold: 1_500)
        writer.add(contentsOf: documents(count: 6_000, seed: 11))
        for i in stride(from: 0, to: 6_000, by: 7) { writer.delete(id: "T\(i)", agency: "870970") }
        return writer.snapshot()
    }()

    static var queries: [String] {
        vocabulary.flatMap { w in [w, "ti = \(w)", "em = \(w)"] } + ["fo = blixen", "høeg", "aakjær", "ørsted", "1950", "år = 1950"]
            + conjunctions
    }

    /// `a and b` of common and rare words, bare (a word's title and subject lists, both read by the
    /// conjunction path) and fielded, either side the rarer; words that are also authors' names (three lists:
    /// the full evaluation serves) and a word in no document.
    static var conjunctions: [String] {
        let v = vocabulary
        var out: [String] = []
        for k in stride(from: 0, to: v.count, by: 9) {
            let (a, b) = (v[k], v[(k * 7 + 3) % v.count])
            out += ["\(a) and \(b)", "\(b) and \(a)", "ti = \(a) and \(b)", "\(a) and em = \(b)", "ti = \(a) and ti = \(b)"]
        }
        return out + ["skov and hav", "sol and skoven", "skov and hav and sol", "skov and zzzz", "zzzz and skov"]
    }

    func compare(_ index: IndexSnapshot, limits: [Int]) throws {
        for q in Self.queries {
            for limit in limits {
                // Asking for a facet forces the full evaluation; the other two may take the top-k path.
                let full = try index.search(q, options: SearchOptions(limit: limit, facets: ["type"]))
                let exact = try index.search(q, options: SearchOptions(limit: limit))
                let fast = try index.search(q, options: SearchOptions(limit: limit, exactTotal: false))
                #expect(exact.total == full.total, "\(q) limit \(limit)")
                #expect(exact.totalIsExact)
                #expect(fast.total <= full.total, "\(q) limit \(limit)")
                if fast.totalIsExact { #expect(fast.total == full.total, "\(q) limit \(limit)") }
                for other in [exact, fast] {
                    #expect(other.hits.map(\.docIndex) == full.hits.map(\.docIndex), "\(q) limit \(limit)")
                    for (a, b) in zip(other.hits, full.hits) {
                        #expect(abs(a.score - b.score) <= 1e-5 * max(1, abs(b.score)), "\(q) limit \(limit)")
                        #expect(a.id == b.id && a.title == b.title)
                    }
                }
            }
        }
    }

    @Test func sameHitsAsTheFullEvaluation() throws {
        try compare(Self.single, limits: [1, 10, 57])
    }

    @Test func sameHitsAcrossSegmentsWithDeletions() throws {
        #expect(Self.segmented.segmentCount > 2)
        try compare(Self.segmented, limits: [1, 10])
    }

    /// `a and b` of two words in at most two indexes each is answered by the conjunction path (not the full
    /// evaluation), with the full evaluation's exact total and bit-identical scores.
    @Test func conjunctionPathMatchesTheFullEvaluationExactly() throws {
        let names: Set<String> = ["skov", "hav", "sol"]  // also authors' names: three lists, the full evaluation
        let words = Self.vocabulary.filter { !names.contains($0) }
        var taken = 0
        for index in [Self.single, Self.segmented] {
            for k in stride(from: 0, to: words.count, by: 5) {
                let q = "\(words[k]) and \(words[(k * 11 + 1) % words.count])"
                let parsed = try CQLParser().parse(q)
                let full = try index.search(q, options: SearchOptions(limit: 10, facets: ["type"]))
                guard let fast = QueryEvaluator(snapshot: index).topK(parsed.root, k: 10, exactTotal: false) else {
                    Issue.record("\(q): not taken by the conjunction path")
                    continue
                }
                taken += 1
                #expect(fast.totalIsExact && fast.total == full.total, "\(q)")
                #expect(fast.hits.map { Double($0.score) } == full.hits.map(\.score), "\(q)")
                #expect(fast.hits.map { index.segments[Int($0.segment)].docBase + Int($0.doc) } == full.hits.map(\.docIndex), "\(q)")
            }
        }
        #expect(taken > 40)
        // Three lists in a clause: left to the full evaluation.
        #expect(QueryEvaluator(snapshot: Self.single).topK(try CQLParser().parse("skov and brød").root, k: 10, exactTotal: false) == nil)
    }

    /// With a small page of a common word, pruning must actually happen: the count stops early.
    @Test func topHitsBreakTiesByPositionWhateverTheOfferOrder() {
        // The two-list path offers one list's documents before the other's: a tie at the k-th place must
        // still go to the earlier (segment, document).
        var top = TopHits(k: 3)
        let offers: [(Int, UInt32, Float)] = [(0, 9, 1), (0, 4, 2), (0, 7, 1), (1, 0, 2), (0, 2, 1), (0, 5, 2), (0, 1, 0.5)]
        for (segment, doc, score) in offers { top.offer(segment: segment, doc: doc, score: score) }
        #expect(top.items.map { [Int($0.segment), Int($0.doc)] } == [[0, 4], [0, 5], [1, 0]])
        var wider = TopHits(k: 5)
        for (segment, doc, score) in offers.reversed() { wider.offer(segment: segment, doc: doc, score: score) }
        #expect(wider.items.map { [Int($0.segment), Int($0.doc)] } == [[0, 4], [0, 5], [1, 0], [0, 2], [0, 7]])
    }

    @Test func pruningStopsCountingEarly() throws {
        let common = Self.vocabulary[0]
        let full = try Self.single.search(common, options: SearchOptions(limit: 10, facets: ["type"]))
        let fast = try Self.single.search(common, options: SearchOptions(limit: 10, exactTotal: false))
        #expect(full.total > 1_000)
        #expect(!fast.totalIsExact)
        #expect(fast.total < full.total)
        #expect(fast.hits.map(\.docIndex) == full.hits.map(\.docIndex))
    }

    /// Phrases on multi-block lists (positions entered through the skip table and stepped over for the
    /// documents in between) against a brute-force scan of the analysed titles.
    @Test func phrasesMatchABruteForceScan() throws {
        let docs = Self.documents(count: 6_000, seed: 7)
        let analyzer = DanishAnalyzer()
        let titles = docs.map { analyzer.tokens($0.title) }
        let words = Array(Self.vocabulary.prefix(12))
        var checked = 0
        for a in words {
            for b in words where a != b {
                let expected = Set(titles.indices.filter { k in
                    let t = titles[k]
                    return t.count > 1 && (0..<(t.count - 1)).contains { t[$0] == a && t[$0 + 1] == b }
                }.map { "T\($0)" })
                let found = try Self.single.search("ti = \"\(a) \(b)\"", options: SearchOptions(limit: 10_000))
                #expect(Set(found.hits.map(\.id)) == expected, "\(a) \(b)")
                #expect(found.total == expected.count)
                checked += expected.isEmpty ? 0 : 1
            }
        }
        #expect(checked > 50)
    }

    /// Every word's title hits (lists of one to thousands of postings: bit-packed blocks, the varint tail,
    /// tfs above 1) against a brute-force scan of the analysed titles — in one segment, in several with
    /// deletions, and after those segments are merged into one (the merger re-encodes every list). Where
    /// one document repeats the word more often than another of the same title length, it must rank higher.
    @Test func wordHitsMatchABruteForceScan() throws {
        let analyzer = DanishAnalyzer()
        let docs = Self.documents(count: 6_000, seed: 7)
        let titles = docs.map { analyzer.tokens($0.title) }
        let segmentedDocs = Self.documents(count: 6_000, seed: 11)
        let segmentedTitles = segmentedDocs.map { analyzer.tokens($0.title) }
        let deleted = Set(stride(from: 0, to: 6_000, by: 7))
        let compacted = Self.segmented.compacted()
        #expect(compacted.segmentCount == 1)
        var multiBlock = 0
        for w in Self.vocabulary {
            let token = analyzer.tokens(w).first ?? w
            let expected = Set(titles.indices.filter { titles[$0].contains(token) }.map { "T\($0)" })
            let found = try Self.single.search("ti = \(w)", options: SearchOptions(limit: 10_000))
            #expect(Set(found.hits.map(\.id)) == expected, "\(w)")
            #expect(found.total == expected.count, "\(w)")
            multiBlock += expected.count > 2 * 128 ? 1 : 0
            // Same length, more occurrences: a higher score (BM25 grows with tf).
            let tf = Dictionary(uniqueKeysWithValues: titles.indices.map { ("T\($0)", titles[$0].filter { $0 == token }.count) })
            let length = Dictionary(uniqueKeysWithValues: titles.indices.map { ("T\($0)", titles[$0].count) })
            for (a, b) in zip(found.hits, found.hits.dropFirst()) where length[a.id] == length[b.id] {
                #expect((tf[a.id] ?? 0) >= (tf[b.id] ?? 0), "\(w): \(a.id) before \(b.id)")
            }
            let live = Set(segmentedTitles.indices.filter { !deleted.contains($0) && segmentedTitles[$0].contains(token) }.map { "T\($0)" })
            for index in [Self.segmented, compacted] {
                let r = try index.search("ti = \(w)", options: SearchOptions(limit: 10_000))
                #expect(Set(r.hits.map(\.id)) == live, "\(w) in \(index.segmentCount) segments")
            }
        }
        #expect(multiBlock > 20)
    }

    /// The index file round trip keeps the block impacts the pruning relies on.
    @Test func writtenIndexPrunesTheSame() throws {
        let path = IndexFileTests.tempPath("topk.ktx")
        try Self.single.write(to: path)
        let opened = try IndexSnapshot.open(path: path)
        for q in Self.queries.prefix(40) {
            let a = try opened.search(q, options: SearchOptions(limit: 10, exactTotal: false))
            let b = try Self.single.search(q, options: SearchOptions(limit: 10, exactTotal: false))
            #expect(a == b, "\(q)")
        }
    }
}
