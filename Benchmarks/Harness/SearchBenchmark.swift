import SearchIndex
import TextAnalysis

/// Results of ``runSearchBenchmark(documents:)``.
struct SearchBenchmarkResult: CustomStringConvertible {
    struct Latency {
        var kind: String
        var example: String
        var p50: Double  // µs
        var p99: Double  // µs
        var meanHits: Double
    }

    var documents: Int
    var buildSeconds: Double
    var recordsPerSecond: Double
    var bytesPerDocument: Double
    var breakdown: [(part: String, bytes: Int)]
    var writeSeconds: Double
    var openMilliseconds: Double
    var openVerifiedMilliseconds: Double
    var latencies: [Latency]

    var description: String {
        var s = "documents: \(documents)\n"
        s += "build: \(fmt(buildSeconds)) s, \(Int(recordsPerSecond)) records/s\n"
        s += "index: \(fmt(bytesPerDocument)) bytes/record ("
        s += breakdown.map { "\($0.part) \(fmt(Double($0.bytes) / Double(max(1, documents))))" }.joined(separator: ", ") + ")\n"
        s += "write: \(fmt(writeSeconds)) s; open (mmap, headers checked): \(fmt(openMilliseconds)) ms; "
        s += "open with all checksums: \(fmt(openVerifiedMilliseconds)) ms\n"
        s += "| query kind | example | p50 µs | p99 µs | mean hits |\n|---|---|---|---|---|\n"
        for l in latencies {
            s += "| \(l.kind) | `\(l.example)` | \(fmt(l.p50)) | \(fmt(l.p99)) | \(fmt(l.meanHits)) |\n"
        }
        return s
    }

    private func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return String(r)
    }
}

/// Builds an index over `documents`, writes and reopens it, and times query kinds like
/// research/search-anchors.md §3.1 (term, title, phrase, prefix, and2, filtered, facets).
func runSearchBenchmark(documents: [IndexDocument], queriesPerKind: Int = 1000, path: String = "/tmp/kartotek-bench.ktx")
    -> SearchBenchmarkResult
{
    let clock = ContinuousClock()
    let analyzer = DanishAnalyzer()
    var index = IndexSnapshot.build(Array(documents.prefix(100)), analyzer: analyzer)  // warm up
    let t0 = clock.now
    index = IndexSnapshot.build(documents, analyzer: analyzer)
    let build = seconds(clock.now - t0)

    let t1 = clock.now
    var writeSeconds = -1.0
    var openMs = -1.0
    var openVerifiedMs = -1.0
    do {
        try index.write(to: path)
        writeSeconds = seconds(clock.now - t1)
        let t2 = clock.now
        let opened = try IndexSnapshot.open(path: path, verifyChecksums: false, analyzer: analyzer)
        openMs = seconds(clock.now - t2) * 1000
        let t3 = clock.now
        index = try IndexSnapshot.open(path: path, verifyChecksums: true, analyzer: analyzer)
        openVerifiedMs = seconds(clock.now - t3) * 1000
        _ = opened.documentCount
    } catch {
        print("index file: \(error)")
    }

    // Sample query material from the documents, deterministically.
    var rng = SplitMix(seed: 7)
    func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
    let titles = documents.compactMap { $0.fields["title"]?.first }
    let subjects = documents.compactMap { $0.fields["subject"]?.first }
    func words(_ s: String) -> [String] { analyzer.tokens(s) }
    var kinds: [(String, [String])] = []
    var term: [String] = [], title: [String] = [], phrase: [String] = [], prefix: [String] = []
    var and2: [String] = [], filtered: [String] = [], facets: [String] = []
    while term.count < queriesPerKind {
        let tw = words(pick(titles))
        let sw = words(pick(subjects))
        guard let w = tw.first, let s = sw.first else { continue }
        term.append(pick(tw))
        title.append("ti=\(pick(tw))")
        if tw.count >= 2 {
            let i = Int(rng.next() % UInt64(tw.count - 1))
            phrase.append("ti=\"\(tw[i]) \(tw[i + 1])\"")
        }
        if let long = tw.first(where: { $0.count >= 6 }) { prefix.append("ti=\(long.prefix(4))*") }
        and2.append("ti=\(w) and em=\(s)")
        let doc = pick(documents)
        if let a = doc.fields["author"]?.first.flatMap({ words($0).first }), let y = doc.sortYear {
            filtered.append("fo=\(a) and år within \"\(y - 10) \(y + 10)\"")
        }
        facets.append(pick(tw))
    }
    kinds = [
        ("term", term), ("title", title), ("phrase", phrase), ("prefix", prefix), ("and2", and2),
        ("filtered", filtered), ("facets", facets),
    ]
    // Availability filter for "filtered": documents whose holdings show an available copy.
    var available = DocumentSet(capacity: index.documentCount)
    for (i, d) in documents.enumerated() where (d.holdings?.available ?? 0) > 0 { available.insert(i) }

    var latencies: [SearchBenchmarkResult.Latency] = []
    for (kind, queries) in kinds {
        let qs = Array(queries.prefix(queriesPerKind))
        var options = SearchOptions(limit: 10)
        if kind == "filtered" { options.filter = available }
        if kind == "facets" { options.facets = ["language", "type"] }
        for q in qs.prefix(50) { _ = try? index.search(q, options: options) }
        var times: [Double] = []
        var hits = 0
        for q in qs {
            let s = clock.now
            let r = try? index.search(q, options: options)
            times.append(seconds(clock.now - s) * 1_000_000)
            hits += r?.total ?? 0
        }
        times.sort()
        latencies.append(
            .init(
                kind: kind, example: qs.first ?? "", p50: times[times.count / 2],
                p99: times[min(times.count - 1, times.count * 99 / 100)],
                meanHits: Double(hits) / Double(max(1, qs.count))))
    }
    return SearchBenchmarkResult(
        documents: documents.count, buildSeconds: build, recordsPerSecond: Double(documents.count) / build,
        bytesPerDocument: Double(index.indexByteCount) / Double(max(1, documents.count)),
        breakdown: index.byteBreakdown(), writeSeconds: writeSeconds, openMilliseconds: openMs,
        openVerifiedMilliseconds: openVerifiedMs, latencies: latencies)
}

/// A deterministic 64-bit generator.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Synthetic Danish-like catalogue records shaped like research/peers/gen_docs.py's: Zipf-skewed
/// title words from a ~3,000-word vocabulary plus rare words, 1–3 authors, 1–4 of 91 subjects,
/// years 1900–2024 skewed recent, ISBN-13 + ISBN-10, language, material type, holdings.
func makeSyntheticSearchDocuments(count: Int, seed: UInt64 = 42) -> [IndexDocument] {
    var rng = SplitMix(seed: seed)
    let analyzer = DanishAnalyzer()
    let stems = [
        "hus", "sommer", "vinter", "bog", "skov", "hav", "by", "land", "mand", "kvinde", "barn", "nat", "dag", "lys",
        "mørke", "kærlighed", "krig", "fred", "rejse", "hjem", "vej", "sø", "fjord", "ø", "kongen", "dronning",
        "historie", "liv", "død", "drøm", "have", "fugl", "hest", "hund", "kat", "sne", "regn", "vind", "sol", "måne",
        "stjerne", "brev", "sang", "digt", "fortælling", "eventyr", "mord", "gåde", "skygge", "spejl", "port", "tårn",
        "kirke", "skole", "mor", "far", "søster", "bror", "ven", "fjende", "guld", "sølv", "jern", "sten", "træ",
        "blomst", "rose", "æble", "brød", "vin", "øl", "salt", "ild", "vand", "jord", "luft", "tid", "år", "time",
    ]
    let suffixes = ["", "en", "et", "ene", "er", "erne", "s", "ens", "lig", "hed", "dom", "skab", "else", "ning"]
    var vocabulary: [String] = []
    for a in stems { for s in suffixes { vocabulary.append(a + s) } }
    for a in stems.prefix(30) { for b in stems.prefix(35) where a != b { vocabulary.append(a + b) } }
    let articles = ["Den ", "Det ", "De ", "En ", "Et "]
    let surnames = [
        "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
        "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
        "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Olesen", "Frederiksen", "Laursen", "Henriksen",
        "Lund", "Schmidt", "Eriksen", "Holm", "Kristiansen", "Clausen", "Simonsen", "Svendsen", "Andreasen",
        "Iversen", "Jeppesen", "Mogensen", "Jacobsen", "Blixen", "Kierkegaard", "Høeg", "Ditlevsen", "Nexø",
        "Scherfig", "Bang", "Aagaard", "Østergaard", "Ærø",
    ]
    let firstNames = [
        "Anne", "Kirsten", "Mette", "Hanne", "Anna", "Helle", "Susanne", "Lene", "Maria", "Marianne", "Peter",
        "Jens", "Lars", "Michael", "Henrik", "Thomas", "Søren", "Jan", "Niels", "Christian", "Karen", "Tove",
        "Johannes", "Hans", "Martin", "Ib", "Åse", "Ørnulf",
    ]
    var subjects: [String] = []
    for s in stems.prefix(91) { subjects.append(s + "historie") }
    let languages = ["dan", "dan", "dan", "dan", "dan", "dan", "eng", "eng", "swe", "nor", "ger", "fre"]
    let types = ["bog", "bog", "bog", "bog", "ebog", "lydbog", "film", "musik", "tidsskrift"]
    // Zipf–Mandelbrot-ish sampling by squaring a uniform variate.
    func zipf(_ n: Int) -> Int {
        let u = Double(rng.next() % 1_000_000) / 1_000_000
        return min(n - 1, Int(Double(n) * u * u * u))
    }
    var docs: [IndexDocument] = []
    docs.reserveCapacity(count)
    for i in 0..<count {
        let len = 2 + Int(rng.next() % 6)
        var words: [String] = []
        for _ in 0..<len {
            if rng.next() % 20 == 0 {
                words.append("rare\(rng.next() % 100_000)")
            } else {
                words.append(vocabulary[zipf(vocabulary.count)])
            }
        }
        var title = words.joined(separator: " ")
        title = title.prefix(1).uppercased() + title.dropFirst()
        var nonFiling = 0
        if rng.next() % 100 < 18 {
            let a = articles[Int(rng.next() % UInt64(articles.count))]
            title = a + title.prefix(1).lowercased() + title.dropFirst()
            nonFiling = a.count
        }
        let authorCount = 1 + Int(rng.next() % 3)
        var authors: [String] = []
        for _ in 0..<authorCount {
            authors.append(
                surnames[zipf(surnames.count)] + ", " + firstNames[Int(rng.next() % UInt64(firstNames.count))])
        }
        let subjectCount = 1 + Int(rng.next() % 4)
        var subs: [String] = []
        for _ in 0..<subjectCount { subs.append(subjects[zipf(subjects.count)]) }
        let year = 2024 - min(124, Int(Double(rng.next() % 1000) / 1000 * Double(rng.next() % 1000) / 1000 * 125))
        let core = "87" + String(100_000_00 + Int(rng.next() % 89_999_999))
        let isbn13 = "978" + core.prefix(9)
        let lang = languages[Int(rng.next() % UInt64(languages.count))]
        let type = types[Int(rng.next() % UInt64(types.count))]
        let total = Int(rng.next() % 8)
        let available = total == 0 ? 0 : Int(rng.next() % UInt64(total + 1))
        let fields: [String: [String]] = [
            "title": [title], "author": authors, "subject": subs, "isbn": [isbn13 + "0", String(core.prefix(9)) + "1"],
            "year": [String(year)], "language": [lang], "type": [type], "publisher": ["Forlaget \(surnames[zipf(20)])"],
            "phrase.title": [title], "phrase.author": authors, "phrase.subject": subs,
        ]
        docs.append(
            IndexDocument(
                id: String(20_000_000 + i), agency: "870970", fields: fields, title: title, author: authors[0],
                year: String(year), sortTitle: analyzer.sortKey(title, nonFilingCount: nonFiling),
                sortAuthor: analyzer.sortKey(authors[0]), sortYear: year,
                facets: ["type": [type], "language": [lang], "year": [String(year)], "author": authors, "subject": subs],
                holdings: .init(total: total, available: available)))
    }
    return docs
}
