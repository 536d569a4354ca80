import Dispatch
import MARC

/// ISO 2709 parse benchmarks: structure only (framing, directory, every subfield split, like `yaz-marcdump -n`),
/// and full materialisation into `MARCRecord` values with decoded strings; single thread and all cores.
func runParseBenchmark(path: String, runs: Int, structureOnly: Bool = false) throws -> [String] {
    let storage = try ByteStorage(mapping: path)
    let megabytes = Double(storage.buffer.count) / 1_000_000
    var records = 0
    var lines: [String] = []
    func report(_ name: String, _ samples: [Double], threads: Int) {
        let m = median(samples)
        lines.append(
            jsonLine([
                ("bench", "parse"), ("variant", name), ("tool", "kartotek"), ("threads", threads), ("input", path),
                ("records", records), ("seconds_median", m), ("records_per_s", Double(records) / m),
                ("mb_per_s", megabytes / m),
            ]))
    }

    // Structure: frame, directory, split every subfield (no strings).
    @Sendable func walk(_ batch: RecordBatch) -> Int {
        var subfields = 0
        for record in batch {
            for field in record.fields {
                for _ in field.subfields { subfields += 1 }
            }
        }
        return subfields
    }
    var sink = 0
    let structure1 = try measure(runs: runs) {
        var reader = ISO2709Reader(storage: storage, options: ReadOptions(lenient: true))
        let batch = try reader.nextBatch()
        records = batch?.count ?? 0
        sink &+= batch.map(walk) ?? 0
    }
    report("structure", structure1, threads: 1)
    let cores = ProcessInfoLite.activeProcessorCount
    let structureN = try measure(runs: runs) {
        let (batches, _) = try ISO2709Reader.parseParallel(storage: storage, options: ReadOptions(lenient: true))
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: batches.count)
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        let box = UnsafeSendable(counts)
        DispatchQueue.concurrentPerform(iterations: batches.count) { i in box.value[i] = walk(batches[i]) }
        sink &+= counts.reduce(0, +)
    }
    report("structure", structureN, threads: cores)
    if structureOnly { return lines }

    // Materialise: decode every value into an owning MARCRecord.
    let full1 = try measure(runs: max(1, runs / 2)) {
        var reader = ISO2709Reader(storage: storage, options: ReadOptions(lenient: true))
        var n = 0
        while let r = try reader.next() { n &+= r.fields.count }
        sink &+= n
    }
    report("materialise", full1, threads: 1)
    let fullN = try measure(runs: max(1, runs / 2)) {
        let (batches, _) = try ISO2709Reader.parseParallel(storage: storage, options: ReadOptions(lenient: true))
        DispatchQueue.concurrentPerform(iterations: batches.count) { i in
            var diagnostics: [MARCError] = []
            for view in batches[i] {
                _ = try? MARCRecord(view: view, options: ReadOptions(lenient: true), diagnostics: &diagnostics)
            }
        }
    }
    report("materialise", fullN, threads: cores)
    if sink == 42 { print("") }
    return lines
}
