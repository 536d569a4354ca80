#if canImport(Glibc)
import Glibc
#endif

/// kartotek-bench: release-build benchmarks printing one JSON object per line.
///
///     kartotek-bench parse FILE [--runs N] [--structure-only]
///     kartotek-bench analysis [--runs N]
let usage = "usage: kartotek-bench parse FILE [--runs N] [--structure-only] | analysis [--runs N]"
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
