// Temporary harness entry: prints the analysis benchmark (merged by hand with the other benchmarks).
// `kartotek-bench --once` runs every measurement once (for callgrind).
print("kartotek-bench")
let runs = CommandLine.arguments.contains("--once") ? 1 : 25
for (name, value) in runAnalysisBenchmark(runs: runs).sorted(by: { $0.key < $1.key }) {
    print(name, value)
}
