#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Reads ISO 2709 records (MARC21 or danMARC2) from a file, standard input or bytes.
///
/// Files are memory-mapped, so any size streams in bounded memory. Strict reading throws the first problem with
/// file, record number, byte offset and reason; lenient reading (``ReadOptions/lenient``) recovers what it can and
/// lists what it repaired or skipped in ``diagnostics``.
///
/// ```swift
/// var reader = try ISO2709Reader(path: "books.mrc", options: ReadOptions(lenient: true))
/// while let record = try reader.next() {
///     print(record["245"]?["a"] ?? "")
/// }
/// for problem in reader.diagnostics { print(problem) }
/// ```
public struct ISO2709Reader {
    /// The input bytes.
    public let storage: ByteStorage
    /// The options in force.
    public let options: ReadOptions
    private var parser: ISO2709Parser
    /// Repairs and skips reported so far (lenient mode), in input order.
    public private(set) var diagnostics: [MARCError] = []

    /// Opens a file (memory-mapped); `-` reads standard input.
    public init(path: String, options: ReadOptions = ReadOptions()) throws(MARCError) {
        var options = options
        if options.fileName == nil { options.fileName = path }
        let storage = path == "-" ? try ByteStorage(readingAll: 0, name: "-") : try ByteStorage(mapping: path)
        self.init(storage: storage, options: options)
    }

    /// Reads from bytes in memory.
    public init(bytes: [UInt8], options: ReadOptions = ReadOptions()) {
        self.init(storage: ByteStorage(copying: bytes), options: options)
    }

    /// Reads from shared storage.
    public init(storage: ByteStorage, options: ReadOptions = ReadOptions()) {
        self.storage = storage
        self.options = options
        parser = ISO2709Parser(buffer: storage.buffer, options: options)
    }

    /// The next record, or `nil` at the end of input.
    public mutating func next() throws(MARCError) -> MARCRecord? {
        while true {
            var records: [RecordBatch.RecordEntry] = []
            var fields: [RecordBatch.FieldEntry] = []
            let more = try parser.next(records: &records, fields: &fields)
            diagnostics += parser.takeDiagnostics()
            guard more else { return nil }
            guard !records.isEmpty else { continue }
            let batch = RecordBatch(storage: storage, records: records, fields: fields)
            do throws(MARCError) {
                return try MARCRecord(view: batch[0], options: options, diagnostics: &diagnostics)
            } catch {
                throw error
            }
        }
    }

    /// Reads every remaining record.
    public mutating func readAll() throws(MARCError) -> [MARCRecord] {
        var out: [MARCRecord] = []
        while let r = try next() { out.append(r) }
        return out
    }

    /// Parses up to `maxRecords` further records into a compact batch (no values decoded); `nil` at the end.
    public mutating func nextBatch(maxRecords: Int = .max) throws(MARCError) -> RecordBatch? {
        var records: [RecordBatch.RecordEntry] = []
        var fields: [RecordBatch.FieldEntry] = []
        while records.count < maxRecords, try parser.next(records: &records, fields: &fields) {}
        diagnostics += parser.takeDiagnostics()
        return records.isEmpty ? nil : RecordBatch(storage: storage, records: records, fields: fields)
    }

    /// Parses the whole input into compact batches on all cores.
    ///
    /// The input is cut into `chunks` pieces at record terminators and each piece is parsed on its own thread.
    /// Record numbers and diagnostics are the same as a sequential read's.
    public static func parseParallel(
        storage: ByteStorage, options: ReadOptions = ReadOptions(), chunks: Int? = nil
    ) throws(MARCError) -> (batches: [RecordBatch], diagnostics: [MARCError]) {
        let buffer = storage.buffer
        let pieces = max(1, chunks ?? ProcessInfoLite.activeProcessorCount * 4)
        var bounds: [Int] = [0]
        if pieces > 1, let base = buffer.baseAddress {
            for k in 1..<pieces {
                let target = max(bounds.last ?? 0, buffer.count * k / pieces)
                guard target < buffer.count,
                    let p = memchrBytes(base + target, 0x1D, buffer.count - target)
                else { break }
                let cut = base.distance(to: p) + 1
                if cut > (bounds.last ?? 0) && cut < buffer.count { bounds.append(cut) }
            }
        }
        bounds.append(buffer.count)
        let n = bounds.count - 1
        let results = UnsafeMutableBufferPointer<Result<(RecordBatch, [MARCError], Int), MARCError>?>.allocate(capacity: n)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let box = UnsafeSendable(results)
        let cuts = bounds
        DispatchQueue.concurrentPerform(iterations: n) { i in
            var parser = ISO2709Parser(buffer: storage.buffer, range: cuts[i]..<cuts[i + 1], options: options)
            var records: [RecordBatch.RecordEntry] = []
            var fields: [RecordBatch.FieldEntry] = []
            do throws(MARCError) {
                while try parser.next(records: &records, fields: &fields) {}
                box.value[i] = .success((RecordBatch(storage: storage, records: records, fields: fields), parser.takeDiagnostics(), parser.recordNumber))
            } catch {
                var e = error
                e.recordNumber = parser.recordNumber
                box.value[i] = .failure(e)
            }
        }
        var batches: [RecordBatch] = []
        var diagnostics: [MARCError] = []
        var numberBase = 0
        for i in 0..<n {
            switch results[i] {
            case .success(let (parsed, diags, count))?:
                var batch = parsed
                for k in batch.records.indices { batch.records[k].number += UInt32(numberBase) }
                for var d in diags {
                    d.recordNumber = d.recordNumber.map { $0 + numberBase }
                    diagnostics.append(d)
                }
                numberBase += count
                batches.append(batch)
            case .failure(var e)?:
                e.recordNumber = e.recordNumber.map { $0 + numberBase }
                throw e
            case nil:
                break
            }
        }
        return (batches, diagnostics)
    }
}


/// Processor count without Foundation.
package enum ProcessInfoLite {
    /// The number of processors available to this process.
    package static var activeProcessorCount: Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? n : 1
    }
}
