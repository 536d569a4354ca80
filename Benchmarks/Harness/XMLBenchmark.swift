#if canImport(Glibc)
import Glibc
#endif
#if canImport(Glibc)
import Glibc
#endif
import MARC
import MARCXML

/// The MARCXML benchmark (`kartotek-bench xml FILE`): reads every record of a MARCXML (or MARCXchange) file and
/// prints one JSON line per variant.
///
/// - `structure`: ``MARCXMLBatchReader`` batches (leader, fields and subfields laid out as ISO 2709 in one arena),
///   every subfield of every field walked as a view; no strings. The work of `yaz-marcdump -i marcxml -n`, which
///   builds its own record structure and prints nothing.
/// - `batches` (only with `--variant`): the batches alone, no walk.
/// - `materialise`: ``MARCXMLReader/next()``, an owning `MARCRecord` (a `String` per subfield) per record, every
///   field's subfields counted.
///
/// Threads: the readers parse on a thread of their own (libxml2's pull parser) while the caller's thread takes the
/// records (and, for batches, lays them out and walks them), so a run uses up to two cores.
///
/// `runs` timed runs after one warm-up; `runs == 0` makes one untimed pass (for callgrind, which counts the
/// instructions of both threads).
func runXMLBenchmark(path: String, runs: Int, variants: [String]) throws -> [String] {
    var lines: [String] = []
    let bytes = Double(fileSize(path))
    var sink = 0
    for variant in variants {
        var records = 0
        let body: () throws -> Void
        switch variant {
        case "structure":
            body = {
                var reader = try MARCXMLBatchReader(path: path)
                var n = 0
                var subfields = 0
                while let batch = try reader.nextBatch() {
                    n += batch.count
                    for record in batch {
                        for field in record.fields {
                            for _ in field.subfields { subfields &+= 1 }
                        }
                    }
                }
                records = n
                sink &+= subfields
            }
        case "batches":
            body = {
                var reader = try MARCXMLBatchReader(path: path)
                var n = 0
                while let batch = try reader.nextBatch() { n += batch.count }
                records = n
            }
        case "materialise":
            body = {
                var reader = try MARCXMLReader(path: path)
                var n = 0
                var subfields = 0
                while let record = try reader.next() {
                    n += 1
                    for field in record.fields { subfields &+= field.subfields.count }
                }
                records = n
                sink &+= subfields
            }
        default:
            throw BenchmarkError("unknown variant \(variant) (structure, batches, materialise)")
        }
        if runs <= 0 {
            try body()
            lines.append(jsonLine([("bench", "xml"), ("variant", variant), ("tool", "kartotek"), ("records", records)]))
            continue
        }
        let samples = try measure(runs: runs, body)
        let m = median(samples)
        lines.append(
            jsonLine([
                // Both readers parse on a thread of their own and hand records to the calling thread.
                ("bench", "xml"), ("variant", variant), ("tool", "kartotek"), ("threads", 2), ("input", path),
                ("records", records), ("seconds_median", m), ("seconds_min", samples.first ?? 0),
                ("runs", samples.count), ("records_per_s", Double(records) / m), ("mb_per_s", bytes / 1e6 / m),
                ("bytes", Int(bytes)),
            ]))
    }
    if sink < 0 { print(sink) }  // keep the work observable
    return lines
}

/// A benchmark usage error.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}


/// The size of a file in bytes (0 when it cannot be read).
func fileSize(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : 0
}
