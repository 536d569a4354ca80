#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import MARC
import SearchIndex
import TextAnalysis

/// The search benchmark on the peers' corpus and query sets (`../shared/peers/bench_engines.py --export-tsv`):
/// the same documents and the same 7 × N queries tantivy answers, so the numbers sit side by side.
///
/// Mapping (our schema has no abstract/notes index): title+subtitle → title, authors → author, subjects and
/// abstract → subject, ISBN tokens → isbn, availability tokens (`a<agency>`) → agency, lang → language,
/// mtype → type, year → year. Queries: term → a bare term (all word indexes, like tantivy's `all` field);
/// title → `ti =`; phrase → `ti = "w1 w2"`; prefix → `ti = p*`; and2 → `w1 and w2`; filtered →
/// `fo = surname and år within "lo hi" and ln = a<agency>`; facets → a bare term with language and type facets.
func runPeerSearchBenchmark(docsPath: String, queriesPath: String, indexPath: String, threads: Int?) throws -> [String] {
    let reuseRequested = ProcessInfoLiteBench.environment["KARTOTEK_BENCH_REUSE"] == "1" && access(indexPath, R_OK) == 0
    var queries: [(kind: String, cql: String, facets: [String])] = []
    for line in try readLines(queriesPath) {
        let c = line.split(separator: "\t").map(String.init)
        guard c.count >= 2 else { continue }
        switch c[0] {
        case "term": queries.append(("term", quoted(c[1]), []))
        case "title": queries.append(("title", "ti = \(quoted(c[1]))", []))
        case "phrase": queries.append(("phrase", "ti = \"\(c[1...].joined(separator: " "))\"", []))
        case "prefix": queries.append(("prefix", "ti = \(c[1])*", []))
        case "and2" where c.count >= 3: queries.append(("and2", "\(quoted(c[1])) and \(quoted(c[2]))", []))
        case "filtered" where c.count >= 5:
            queries.append(("filtered", "fo = \(quoted(c[1])) and år within \"\(c[2]) \(c[3])\" and ln = a\(c[4])", []))
        case "facets": queries.append(("facets", quoted(c[1]), ["language", "type"]))
        default: break
        }
    }
    let clock = ContinuousClock()
    let env = ProcessInfoLiteBench.environment
    // KARTOTEK_BENCH_REUSE=1: search the index file already at indexPath (profiling the queries alone).
    let reuse = reuseRequested
    let start = clock.now
    var buildSeconds = 0.0
    var docCount = 0
    if !reuse {
        // Documents stream from the TSV into a writer (segments of KARTOTEK_BENCH_SEGMENT, default 1 M documents,
        // spilled beside the index file), so 10 M documents never sit in memory at once.
        let segment = max(1, Int(env["KARTOTEK_BENCH_SEGMENT"] ?? "") ?? 1_000_000)
        let spill = indexPath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let storage = try ByteStorage(mapping: docsPath)
        // Lines are turned into documents on every core, 50,000 at a time, then added in order.
        var lineStarts: [Int] = [0]
        if let base = storage.buffer.baseAddress {
            // memchr: the scan runs before the parsing threads start, so it is all wall time.
            var at = 0
            while at < storage.buffer.count, let hit = memchr(base + at, 0x0A, storage.buffer.count - at) {
                let i = base.distance(to: UnsafeRawPointer(hit))
                lineStarts.append(i + 1)
                at = i + 1
            }
        }
        if lineStarts.last != storage.buffer.count { lineStarts.append(storage.buffer.count + 1) }
        let lineCount = lineStarts.count - 1
        // A corpus that fits in one segment is not spilled: its one segment is built by the snapshot below.
        let threshold = lineCount <= segment ? lineCount + 1 : segment
        let writer = IndexWriter(flushThreshold: threshold, spillDirectory: spill.isEmpty ? "." : spill)
        let cores = max(1, ProcessInfoLiteBench.cores)
        let bytes = UnsafeSendable(storage.buffer)
        let starts = UnsafeSendable(lineStarts)
        var first = 0
        // Batches are added to the writer (one thread, in order) while the next batch is parsed on the
        // other threads: the writer's bookkeeping overlaps the parsing instead of following it.
        let adding = DispatchQueue(label: "kartotek-bench.add")
        let counted = UnsafeSendable(UnsafeMutablePointer<Int>.allocate(capacity: 1))
        counted.value.initialize(to: 0)
        defer { counted.value.deallocate() }
        while first < lineCount {
            let last = min(lineCount, first + 50_000)
            let slots = UnsafeMutableBufferPointer<[IndexDocument]>.allocate(capacity: cores)
            slots.initialize(repeating: [])
            let parts = UnsafeSendable(slots)
            let per = (last - first + cores - 1) / cores
            let blockStart = first
            DispatchQueue.concurrentPerform(iterations: cores) { c in
                let lo = blockStart + c * per
                let hi = min(last, lo + per)
                var docs: [IndexDocument] = []
                if lo < hi { docs.reserveCapacity(hi - lo) }
                for k in lo..<max(lo, hi) {
                    let a = starts.value[k]
                    let b = min(bytes.value.count, starts.value[k + 1] - 1)
                    if a < b { docs.append(peerDocument(UnsafeRawBufferPointer(rebasing: bytes.value[a..<b]))) }
                }
                parts.value[c] = docs
            }
            adding.async {
                for docs in parts.value {
                    writer.add(contentsOf: docs)
                    counted.value.pointee += docs.count
                }
                parts.value.deinitialize().deallocate()
            }
            first = last
        }
        adding.sync {}
        docCount = counted.value.pointee
        let added = clock.now
        let snapshot = writer.snapshot()
        buildSeconds = seconds(clock.now - start)
        if env["KARTOTEK_BENCH_PHASES"] == "1" {
            print(jsonLine([("bench", "search-build-phases"), ("read_and_add_s", seconds(added - start)),
                            ("last_segment_s", seconds(clock.now - added))]))
        }
        try snapshot.write(to: indexPath)
    }
    var st = stat()
    stat(indexPath, &st)
    let opened = try IndexSnapshot.open(path: indexPath, verifyChecksums: false)
    var lines: [String] = []
    lines.append(jsonLine([
        ("bench", "search"), ("tool", "kartotek"), ("docs", docCount), ("build_s", buildSeconds),
        ("docs_per_s", Double(docCount) / max(buildSeconds, 1e-9)), ("segments", opened.segmentCount), ("index_bytes", Int(st.st_size)),
        ("bytes_per_doc", Double(st.st_size) / Double(max(1, opened.documentCount))),
        ("threads", threads ?? ProcessInfoLiteBench.cores), ("exact_totals", exactAlwaysFlag(env)),
    ]))
    if env["KARTOTEK_BENCH_BREAKDOWN"] == "1" {
        lines.append(jsonLine(opened.byteBreakdown().map { ($0.part, Double($0.bytes) / Double(max(1, opened.documentCount))) }))
    }
    var byKind: [String: [Double]] = [:]
    var empty: [String: Int] = [:]
    // Totals: tantivy's harness counts hits only for the facet queries (`count=False` elsewhere), so Kartotek
    // asks for an exact total there too and lets the other kinds stop counting (SearchOptions.exactTotal);
    // KARTOTEK_BENCH_EXACT=1 makes every query count exactly.
    let exactAlways = env["KARTOTEK_BENCH_EXACT"] == "1"
    func options(_ q: (kind: String, cql: String, facets: [String])) -> SearchOptions {
        SearchOptions(limit: 10, facets: q.facets, exactTotal: exactAlways || !q.facets.isEmpty)
    }
    for q in queries.prefix(200) { _ = try? opened.search(q.cql, options: options(q)) }  // warm-up
    // KARTOTEK_BENCH_DUMP=path: write each query's total and top hits (ids and scores) there.
    var dump: String? = env["KARTOTEK_BENCH_DUMP"] == nil ? nil : ""
    defer {
        if let path = env["KARTOTEK_BENCH_DUMP"], let text = dump, let f = fopen(path, "w") {
            fputs(text, f)
            fclose(f)
        }
    }
    let repeats = max(1, Int(env["KARTOTEK_BENCH_REPEAT"] ?? "") ?? 1)
    for q in (0..<repeats).flatMap({ _ in queries }) {
        let t = clock.now
        let r = try opened.search(q.cql, options: options(q))
        let micros = seconds(clock.now - t) * 1e6
        byKind[q.kind, default: []].append(micros)
        if r.total == 0 { empty[q.kind, default: 0] += 1 }
        if dump != nil { dump?.append("\(q.cql)\t\(r.total)\t\(micros)\t\(r.hits.map { "\($0.id):\($0.score)" }.joined(separator: " "))\n") }
    }
    for kind in ["term", "title", "phrase", "prefix", "and2", "filtered", "facets"] {
        let s = (byKind[kind] ?? []).sorted()
        lines.append(jsonLine([
            ("bench", "search-query"), ("tool", "kartotek"), ("kind", kind), ("n", s.count),
            ("median_us", median(s)), ("p99_us", quantile(s, 0.99)), ("empty_results", empty[kind] ?? 0),
        ]))
    }
    return lines
}

/// One line of the peers' TSV export as an index document (the mapping in the comment above).
private func peerDocument(_ line: UnsafeRawBufferPointer) -> IndexDocument {
    // Column boundaries in one pass over the bytes; each value becomes a String once.
    var bounds: [Range<Int>] = []
    bounds.reserveCapacity(10)
    var start = 0
    for (i, b) in line.enumerated() where b == 0x09 {
        bounds.append(start..<i)
        start = i + 1
    }
    bounds.append(start..<line.count)
    func col(_ i: Int) -> String {
        i < bounds.count ? String(decoding: UnsafeRawBufferPointer(rebasing: line[bounds[i]]), as: UTF8.self) : ""
    }
    func words(_ i: Int) -> [String] {
        guard i < bounds.count else { return [] }
        var out: [String] = []
        var w = bounds[i].lowerBound
        for k in bounds[i] where line[k] == 0x20 {
            if k > w { out.append(String(decoding: UnsafeRawBufferPointer(rebasing: line[w..<k]), as: UTF8.self)) }
            w = k + 1
        }
        if bounds[i].upperBound > w {
            out.append(String(decoding: UnsafeRawBufferPointer(rebasing: line[w..<bounds[i].upperBound]), as: UTF8.self))
        }
        return out
    }
    var year: Int?
    if bounds.count > 9, !bounds[9].isEmpty, bounds[9].count < 6, bounds[9].allSatisfy({ line[$0] &- 0x30 < 10 }) {
        year = bounds[9].reduce(0) { $0 * 10 + Int(line[$1] - 0x30) }
    }
    let title = col(1), author = col(2), yearText = col(9)
    // The language and type lists are shared by the index fields and the facets (one allocation each).
    let language = [col(7)], type = [col(8)]
    return IndexDocument(
        id: col(0), agency: "870970",
        fields: [
            "title": [title], "author": [author], "subject": [col(3), col(4)],
            "isbn": words(5),
            "agency": words(6),
            "language": language, "type": type, "year": [yearText],
        ],
        title: title, author: author, year: yearText, sortYear: year,
        facets: ["language": language, "type": type])
}

private func exactAlwaysFlag(_ env: [String: String]) -> Bool { env["KARTOTEK_BENCH_EXACT"] == "1" }

private func quoted(_ s: String) -> String {
    // CQL's reserved words (booleans, sortBy) are quoted like any other non-plain term.
    let reserved: Set<String> = ["and", "or", "not", "prox", "sortby"]
    return s.allSatisfy({ $0.isLetter || $0.isNumber }) && !reserved.contains(s.lowercased())
        ? s : "\"" + s.filter { $0 != "\"" } + "\""
}

func readLines(_ path: String) throws -> [String] {
    let storage = try ByteStorage(mapping: path)
    return String(decoding: storage.buffer, as: UTF8.self).split(separator: "\n").map(String.init)
}

enum ProcessInfoLiteBench {
    static var environment: [String: String] {
        var out: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { out[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return out
    }

    static var cores: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

