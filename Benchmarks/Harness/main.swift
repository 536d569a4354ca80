// Temporary harness entry: prints the analysis benchmark (merged by hand with the other benchmarks).
print("kartotek-bench")
for (name, value) in runAnalysisBenchmark().sorted(by: { $0.key < $1.key }) {
    print(name, value)
}
