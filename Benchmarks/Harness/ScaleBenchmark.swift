#if canImport(Glibc)
import Glibc
#endif
import Catalog
import Dispatch
import MARC
import SearchIndex
import Synchronization
import TextAnalysis

/// The national-scale run (issue 7): parse an ISO 2709 file into the compact model on all cores, map every record
/// to its index document and build the index on 1…N threads, write it as a catalogue directory, reopen it, and time a
/// query mix. Reports records/s, bytes/record, resident memory and latencies as JSON lines.
///
/// Records stay in the memory-mapped input (the compact model); only the index is built in memory, in segments of
/// `segmentSize` documents, so memory grows with the index, not with the records.
func runScaleBenchmark(input: String, directory: String, threadCounts: [Int], segmentSize: Int, queries: Int) throws -> [String] {
    var lines: [String] = []
    let clock = ContinuousClock()
    let storage = try ByteStorage(mapping: input)
    let megabytes = Double(storage.buffer.count) / 1e6

    // 1. Parse into the compact model.
    var t = clock.now
    let (batches, diagnostics) = try ISO2709Reader.parseParallel(storage: storage, options: ReadOptions(lenient: true))
    let parseSeconds = seconds(clock.now - t)
    let records = batches.reduce(0) { $0 + $1.count }
    let tableBytes = batches.reduce(0) { $0 + $1.tableBytes }
    lines.append(jsonLine([
        ("bench", "scale-parse"), ("records", records), ("input_mb", megabytes), ("seconds", parseSeconds),
        ("records_per_s", Double(records) / parseSeconds), ("table_bytes_per_record", Double(tableBytes) / Double(max(1, records))),
        ("diagnostics", diagnostics.count), ("rss_mb", residentMB()),
    ]))

    // Records are addressed by their global number through the batches' running counts (no flat array of
    // views: at 10 M records that array alone would be 400 MB).
    var batchStarts: [Int] = [0]
    for b in batches { batchStarts.append(batchStarts[batchStarts.count - 1] + b.count) }
    let locator = RecordLocator(batches: batches, starts: batchStarts)
    let indexing = RecordIndexing()
    let chunk = 2_000
    let chunks = (records + chunk - 1) / chunk

    var lastWriter: IndexWriter?
    _ = mkdir(directory, 0o755)
    for threads in threadCounts {
        // Finished segments spill to unlinked files in the output directory and are read back by mmap.
        let writer = IndexWriter(flushThreshold: segmentSize, spillDirectory: directory)
        t = clock.now
        // Workers map chunks of records to documents; the writer takes finished chunks in order.
        let next = Atomic<Int>(0)
        let done = Mutex<[Int: [IndexDocument]]>([:])
        let added = Mutex<Int>(0)
        let viewsBox = UnsafeSendable(locator)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let c = next.add(1, ordering: .relaxed).oldValue
                guard c < chunks else { break }
                var docs: [IndexDocument] = []
                docs.reserveCapacity(chunk)
                var diags: [MARCError] = []
                for i in (c * chunk)..<min(records, (c + 1) * chunk) {
                    guard let record = try? MARCRecord(view: viewsBox.value.view(i), options: ReadOptions(lenient: true), diagnostics: &diags)
                    else { continue }
                    docs.append(indexing.document(for: record))
                }
                done.withLock { $0[c] = docs }
                // Whoever holds the next chunk in order hands it (and any that follow) to the writer.
                added.withLock { nextToAdd in
                    while let ready = done.withLock({ $0.removeValue(forKey: nextToAdd) }) {
                        writer.add(contentsOf: ready)
                        nextToAdd += 1
                    }
                }
            }
        }
        let snapshot = writer.snapshot()
        let buildSeconds = seconds(clock.now - t)
        lines.append(jsonLine([
            ("bench", "scale-build"), ("records", records), ("threads", threads), ("seconds", buildSeconds),
            ("records_per_s", Double(records) / buildSeconds), ("segments", snapshot.segmentCount),
            ("rss_mb", residentMB()), ("peak_rss_mb", peakResidentMB()),
        ]))
        // What stays resident once the build is done: freed heap handed back to the system (malloc_trim), then
        // resident memory split into anonymous pages (tables, writer state) and file pages (the mapped input and the
        // spilled index segments: page cache the kernel can drop and re-read).
        _ = glibcMallocTrim(0)
        lines.append(jsonLine([
            ("bench", "scale-memory"), ("after", "build"), ("threads", threads), ("rss_mb", residentMB()),
            ("rss_anon_mb", procStatus("RssAnon:")), ("rss_file_mb", procStatus("RssFile:") + procStatus("RssShmem:")),
            ("model_tables_mb", Double(tableBytes) / 1_048_576), ("input_mb", Double(storage.buffer.count) / 1_048_576),
        ]))
        lastWriter = writer
    }
    guard let writer = lastWriter else { return lines }

    // 2. Write the catalogue directory: the index, an empty layer table, the records (the input itself).
    t = clock.now
    try writer.write(to: directory + "/search.kix")
    let writeSeconds = seconds(clock.now - t)
    try AtomicFile.write([], to: directory + "/layers.tsv")
    unlink(directory + "/records.mrc")
    _ = symlink(input, directory + "/records.mrc")
    if access(directory + "/holdings.jsonl", F_OK) != 0 { try AtomicFile.write([], to: directory + "/holdings.jsonl") }
    var st = stat()
    stat(directory + "/search.kix", &st)
    lines.append(jsonLine([
        ("bench", "scale-index"), ("records", records), ("index_bytes", Int(st.st_size)),
        ("bytes_per_record", Double(st.st_size) / Double(max(1, records))), ("write_seconds", writeSeconds),
        ("rss_mb", residentMB()), ("peak_rss_mb", peakResidentMB()),
        ("rss_anon_mb", procStatus("RssAnon:")), ("rss_file_mb", procStatus("RssFile:") + procStatus("RssShmem:")),
    ]))

    // 3. Reopen (mmap) and time the query mix.
    var opens: [Double] = []
    var opened: IndexSnapshot?
    for _ in 0..<5 {
        t = clock.now
        opened = try IndexSnapshot.open(path: directory + "/search.kix", verifyChecksums: false)
        opens.append(seconds(clock.now - t) * 1000)
    }
    guard let index = opened else { return lines }
    var catalogueOpens: [Double] = []
    for _ in 0..<3 {
        t = clock.now
        _ = try Catalogue(directory: directory)
        catalogueOpens.append(seconds(clock.now - t) * 1000)
    }
    lines.append(jsonLine([
        ("bench", "scale-open"), ("records", records), ("index_open_ms", median(opens.sorted())),
        ("catalogue_open_ms", median(catalogueOpens.sorted())),
    ]))
    var rng = SplitMix64(seed: 7)
    let sample = (0..<min(2_000, records)).map { _ in locator.view(rng.next(records)) }
    lines += runQueryMix(index: index, sample: sample, records: records, queries: queries)
    return lines
}

/// Finds record `i` of a file parsed into batches.
struct RecordLocator {
    let batches: [RecordBatch]
    /// `starts[b]` is the global number of batch b's first record; one extra entry holds the total.
    let starts: [Int]

    func view(_ i: Int) -> RecordView {
        var lo = 0
        var hi = batches.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if starts[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return batches[lo][i - starts[lo]]
    }
}

/// The query mix (term, title, phrase, prefix, and2, year range, facets) over words drawn from `sample`'s titles and
/// subjects; p50/p99 per kind as JSON lines.
func runQueryMix(index: IndexSnapshot, sample: [RecordView], records: Int, queries: Int) -> [String] {
    var lines: [String] = []
    let clock = ContinuousClock()
    var t = clock.now
    var rng = SplitMix64(seed: 11)
    var titleWords: [String] = []
    var subjectWords: [String] = []
    let analyzer = DanishAnalyzer()
    var diags: [MARCError] = []
    for v in sample {
        guard let r = try? MARCRecord(view: v, options: ReadOptions(lenient: true), diagnostics: &diags) else { continue }
        titleWords += analyzer.tokens(r["245"]?["a"] ?? "")
        subjectWords += r.fields.filter { $0.tag == "666" || $0.tag == "650" }.flatMap { analyzer.tokens($0.subfields.first?.value ?? "") }
    }
    guard !titleWords.isEmpty, !subjectWords.isEmpty else { return lines }
    func pick(_ a: [String]) -> String { a[rng.next(a.count)] }
    let kinds: [(String, () -> String, [String])] = [
        ("term", { pick(titleWords) }, []),
        ("title", { "ti = \(pick(titleWords))" }, []),
        ("phrase", { "ti = \"\(pick(titleWords)) \(pick(titleWords))\"" }, []),
        ("prefix", { let w = pick(titleWords.filter { $0.count >= 5 }.isEmpty ? titleWords : titleWords.filter { $0.count >= 5 }); return "ti = \(w.prefix(4))*" }, []),
        ("and2", { "ti = \(pick(titleWords)) and em = \(pick(subjectWords))" }, []),
        ("year-range", { "\(pick(titleWords)) and år within \"1950 2000\"" }, []),
        ("facets", { pick(subjectWords) }, ["type", "language", "year"]),
    ]
    for (kind, make, facets) in kinds {
        var samples: [Double] = []
        for i in 0..<(queries + 20) {
            let q = make()
            t = clock.now
            _ = try? index.search(q, options: SearchOptions(limit: 10, facets: facets))
            if i >= 20 { samples.append(seconds(clock.now - t) * 1e6) }
        }
        samples.sort()
        lines.append(jsonLine([
            ("bench", "scale-query"), ("records", records), ("kind", kind), ("n", samples.count),
            ("p50_us", median(samples)), ("p99_us", quantile(samples, 0.99)),
        ]))
    }
    return lines
}

/// Merges the segments of the index in `directory` into one, writes it back, and times the query mix again.
func runCompactBenchmark(input: String, directory: String, queries: Int) throws -> [String] {
    let clock = ContinuousClock()
    var lines: [String] = []
    let path = directory + "/search.kix"
    let opened = try IndexSnapshot.open(path: path, verifyChecksums: false)
    var t = clock.now
    let compacted = opened.compacted()
    let mergeSeconds = seconds(clock.now - t)
    try compacted.write(to: path + ".compact")
    let reopened = try IndexSnapshot.open(path: path + ".compact", verifyChecksums: false)
    var st = stat()
    stat(path + ".compact", &st)
    lines.append(jsonLine([
        ("bench", "scale-compact"), ("segments_before", opened.segmentCount), ("segments_after", reopened.segmentCount),
        ("merge_seconds", mergeSeconds), ("index_bytes", Int(st.st_size)), ("rss_mb", residentMB()),
        ("peak_rss_mb", peakResidentMB()),
    ]))
    var reader = try ISO2709Reader(path: input, options: ReadOptions(lenient: true))
    guard let batch = try reader.nextBatch(maxRecords: 50_000) else { return lines }
    var rng = SplitMix64(seed: 7)
    let sample = (0..<min(2_000, batch.count)).map { _ in batch[rng.next(batch.count)] }
    t = clock.now
    _ = t
    lines += runQueryMix(index: reopened, sample: sample, records: reopened.documentCount, queries: queries)
    return lines
}

/// glibc's `malloc_trim` (declared in <malloc.h>, which the Glibc module does not export): returns freed heap
/// pages to the system so resident memory shows what is live.
@_silgen_name("malloc_trim")
func glibcMallocTrim(_ pad: Int) -> Int32

/// VmRSS / VmHWM from /proc/self/status, in MB.
func residentMB() -> Double { procStatus("VmRSS:") }
func peakResidentMB() -> Double { procStatus("VmHWM:") }

func procStatus(_ key: String) -> Double {
    let text = FileSystem.readSmallFile("/proc/self/status") ?? ""
    for line in text.split(separator: "\n") where line.hasPrefix(key) {
        let digits = line.filter { $0.isNumber }
        return (Double(String(digits)) ?? 0) / 1024
    }
    return 0
}
