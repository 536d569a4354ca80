#if canImport(Glibc)
import Glibc
#endif

/// kartotek-bench: release-build benchmarks printing one JSON object per line.
///
///     kartotek-bench parse FILE [--runs N] [--structure-only]
///     kartotek-bench xml FILE [--runs N] [--variant structure|materialise]
///     kartotek-bench analysis [--runs N]
///     kartotek-bench generate --records N [--seed S] [--danmarc FRACTION] [--libraries N] [--format iso2709|json]
///                            -o FILE [--holdings FILE]
let usage = """
    usage: kartotek-bench parse FILE [--runs N] [--structure-only]
           kartotek-bench xml FILE [--runs N] [--variant structure|materialise]
           kartotek-bench analysis [--runs N]
           kartotek-bench search-peers DOCS.tsv QUERIES.tsv [--index PATH]
           kartotek-bench scale FILE.mrc -o DIR [--threads 1,2,…] [--segment N] [--queries N]
           kartotek-bench compact FILE.mrc -o DIR [--queries N]   (merge DIR's index segments, time the mix again)
           kartotek-bench line FILE.mrc [--records N] [--runs N]   (the records in danMARC2 line format, read back)
           kartotek-bench holdings FILE.mrc --holdings H.jsonl [--records N] [--queries N] [--cooperation N]
           kartotek-bench export-docs FILE.mrc -o DOCS.jsonl   (the records as the peers' document JSON, for tantivy)
           kartotek-bench generate --records N [--seed S] [--danmarc F] [--libraries N] [--format iso2709|json] -o FILE [--holdings FILE]
    """
func stringOption(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, default value: Int) -> Int {
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let n = Int(args[i + 1]) else { return value }
    return n
}
guard let command = args.first else {
    print(usage)
    exit(2)
}
do {
    switch command {
    case "parse":
        guard args.count >= 2 else {
            print(usage)
            exit(2)
        }
        for line in try runParseBenchmark(path: args[1], runs: option("--runs", default: 5), structureOnly: args.contains("--structure-only")) { print(line) }
    case "xml":
        guard args.count >= 2 else {
            print(usage)
            exit(2)
        }
        let variants = stringOption("--variant").map { [$0] } ?? ["structure", "materialise"]
        for line in try runXMLBenchmark(path: args[1], runs: option("--runs", default: 5), variants: variants) {
            print(line)
        }
    case "generate":
        guard let out = stringOption("-o") else {
            print(usage)
            exit(2)
        }
        var options = CorpusGenerator.Options()
        options.records = option("--records", default: 100_000)
        options.seed = UInt64(option("--seed", default: 1))
        options.libraries = option("--libraries", default: 1_500)
        options.danMARC2Fraction = stringOption("--danmarc").flatMap(Double.init) ?? 0.5
        options.format = stringOption("--format") ?? "iso2709"
        var generator = CorpusGenerator(options: options)
        try generator.write(to: out, holdingsPath: stringOption("--holdings"))
    case "scale":
        guard args.count >= 2, let out = stringOption("-o") else {
            print(usage)
            exit(2)
        }
        let threads = (stringOption("--threads") ?? String(ProcessInfoLiteBench.cores))
            .split(separator: ",").compactMap { Int($0) }
        for line in try runScaleBenchmark(
            input: args[1], directory: out, threadCounts: threads, segmentSize: option("--segment", default: 500_000),
            queries: option("--queries", default: 500))
        {
            print(line)
        }
    case "compact":
        guard args.count >= 2, let out = stringOption("-o") else {
            print(usage)
            exit(2)
        }
        for line in try runCompactBenchmark(input: args[1], directory: out, queries: option("--queries", default: 500)) {
            print(line)
        }
    case "search-peers":
        guard args.count >= 3 else {
            print(usage)
            exit(2)
        }
        let index = stringOption("--index") ?? "/tmp/kartotek-search-bench.kix"
        for line in try runPeerSearchBenchmark(docsPath: args[1], queriesPath: args[2], indexPath: index, threads: nil) {
            print(line)
        }
    case "line":
        guard args.count >= 2 else {
            print(usage)
            exit(2)
        }
        for line in try runLineBenchmark(path: args[1], runs: option("--runs", default: 5), limit: option("--records", default: 100_000)) {
            print(line)
        }
    case "holdings":
        guard args.count >= 2, let holdings = stringOption("--holdings") else {
            print(usage)
            exit(2)
        }
        for line in try runHoldingsBenchmark(
            path: args[1], holdingsPath: holdings, limit: option("--records", default: 100_000),
            queries: option("--queries", default: 300), cooperation: option("--cooperation", default: 20))
        {
            print(line)
        }
    case "export-docs":
        guard args.count >= 2, let out = stringOption("-o") else {
            print(usage)
            exit(2)
        }
        for line in try exportPeerDocs(input: args[1], output: out) { print(line) }
    case "analysis":
        for (name, value) in runAnalysisBenchmark(runs: option("--runs", default: 25)).sorted(by: { $0.key < $1.key }) {
            print(jsonLine([("bench", "analysis"), ("metric", name), ("value", value)]))
        }
    default:
        print(usage)
        exit(2)
    }
} catch {
    print("kartotek-bench: \(error)")
    exit(1)
}
