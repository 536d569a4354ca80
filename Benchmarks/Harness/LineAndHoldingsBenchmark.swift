#if canImport(Glibc)
import Glibc
#endif
import Catalog
import MARC
import SearchIndex
import TextAnalysis

/// Line format (danMARC2 linjeformat) parse benchmark: the first `limit` records of an ISO 2709 file are written in
/// line format in memory (wrapped at 73 columns, as DBC writes it), then read back with `LineFormatReader`.
func runLineBenchmark(path: String, runs: Int, limit: Int) throws -> [String] {
    var reader = try ISO2709Reader(path: path, options: ReadOptions(lenient: true))
    var text = ""
    var n = 0
    while n < limit, let record = try reader.next() {
        text += record.lineFormat()
        n += 1
    }
    let bytes = Array(text.utf8)
    var records = 0
    let samples = try measure(runs: runs) {
        var r = try LineFormatReader(bytes: bytes, options: ReadOptions(lenient: true))
        var count = 0
        while try r.next() != nil { count += 1 }
        records = count
    }
    let m = median(samples)
    return [
        jsonLine([
            ("bench", "parse-line"), ("tool", "kartotek"), ("threads", 1), ("records", records),
            ("mb", Double(bytes.count) / 1e6), ("seconds_median", m), ("records_per_s", Double(records) / m),
            ("mb_per_s", Double(bytes.count) / 1e6 / m),
        ])
    ]
}

/// Holdings search benchmark: a catalogue of the first `limit` records of FILE with the generator's holdings
/// (HOLDINGS.jsonl), then the same words searched as one library, as a cooperation of `cooperation` libraries
/// (the school-library case), and on the shelf only; p50/p99 and hits per kind.
func runHoldingsBenchmark(path: String, holdingsPath: String, limit: Int, queries: Int, cooperation: Int) throws -> [String] {
    let clock = ContinuousClock()
    var reader = try ISO2709Reader(path: path, options: ReadOptions(lenient: true))
    var records: [MARCRecord] = []
    while records.count < limit, let record = try reader.next() { records.append(record) }
    var t = clock.now
    let (items, skipped) = try HoldingsItem.readJSONLines(path: holdingsPath, lenient: true)
    let ids = Set(records.compactMap(\.identifier))
    let kept = items.filter { ids.contains($0.recordId) }
    let loadSeconds = seconds(clock.now - t)
    t = clock.now
    let catalogue = Catalogue(records: records, holdings: kept)
    let buildSeconds = seconds(clock.now - t)
    var lines = [
        jsonLine([
            ("bench", "holdings-build"), ("records", records.count), ("items", kept.count), ("skipped", skipped.count),
            ("read_seconds", loadSeconds), ("catalogue_build_seconds", buildSeconds),
            ("records_per_s", Double(records.count) / max(buildSeconds, 1e-9)), ("rss_mb", residentMB()),
        ])
    ]
    // Agencies by number of items, busiest first; the words come from the records' titles.
    var perAgency: [String: Int] = [:]
    for item in kept { perAgency[item.agency, default: 0] += 1 }
    let agencies = perAgency.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    guard !agencies.isEmpty else { return lines }
    var rng = SplitMix64(seed: 5)
    let analyzerWords = records.prefix(5_000).flatMap { catalogue.indexing.analyzer.tokens($0["245"]?["a"] ?? "") }
    guard !analyzerWords.isEmpty else { return lines }
    let group = Array(agencies.prefix(cooperation))
    let kinds: [(String, () -> CatalogSearchOptions)] = [
        ("one-library", { CatalogSearchOptions(agencies: [agencies[rng.next(min(50, agencies.count))]]) }),
        ("cooperation", { CatalogSearchOptions(agencies: group) }),
        ("on-shelf-one-library", {
            CatalogSearchOptions(agencies: [agencies[rng.next(min(50, agencies.count))]], availableOnly: true)
        }),
        ("on-shelf-cooperation", { CatalogSearchOptions(agencies: group, availableOnly: true) }),
    ]
    for (kind, options) in kinds {
        var samples: [Double] = []
        var hits = 0
        for i in 0..<(queries + 10) {
            let word = analyzerWords[rng.next(analyzerWords.count)]
            let o = options()
            t = clock.now
            let result = try? catalogue.search(word, options: o)
            let d = seconds(clock.now - t) * 1e6
            if i >= 10 {
                samples.append(d)
                hits += result?.total ?? 0
            }
        }
        samples.sort()
        lines.append(jsonLine([
            ("bench", "holdings-query"), ("kind", kind), ("records", records.count), ("agencies", kind.contains("cooperation") ? group.count : 1),
            ("n", samples.count), ("p50_us", median(samples)), ("p99_us", quantile(samples, 0.99)),
            ("mean_hits", Double(hits) / Double(max(1, samples.count))),
        ]))
    }
    return lines
}
