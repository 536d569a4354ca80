import Foundation
import KartotekTestSupport
import MARC
import MARCXML
import Testing

/// Resident set size of this process in bytes, from `/proc/self/statm` (0 where unavailable).
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

@Suite struct MARCXMLStreamingTests {
    /// A generated ~50 MB document streams in bounded memory: RSS grows by far less than the file's size.
    @Test func largeFileStreamsInBoundedMemory() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big.xml").path
        var sample = try MARCXMLReader(path: TestSupport.corpora.appendingPathComponent("real/solrmarc_specTestRecs.xml").path)
        let records = try sample.readAll()
        let writer = MARCXMLWriter(flavor: .marc21)
        var block = ""
        for r in records { writer.append(r, to: &block) }
        let blockBytes = Data(block.utf8)
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.write(Data(writer.header.utf8))
        var size = 0
        var written = 0
        while size < 50_000_000 {
            handle.write(blockBytes)
            size += blockBytes.count
            written += records.count
        }
        handle.write(Data(writer.footer.utf8))
        try handle.close()

        let before = residentBytes()
        var peak = before
        var reader = try MARCXMLReader(path: path)
        var count = 0
        var lastTitle: String?
        while let r = try reader.next() {
            count += 1
            lastTitle = r["245"]?["a"]
            if count % 2_000 == 0 { peak = max(peak, residentBytes()) }
        }
        peak = max(peak, residentBytes())
        #expect(count == written)
        #expect(lastTitle != nil || records.last?["245"] == nil)
        let growth = peak - before
        // Generous: the file is 50 MB; holding it (or its records) would need well over that.
        #expect(growth < 40_000_000, "RSS grew by \(growth / 1_000_000) MB while streaming \(size / 1_000_000) MB")
        print("MARCXML streaming: \(count) records, \(size / 1_000_000) MB, RSS growth \(growth / 1_000_000) MB")

        // The batch path holds one batch (4,096 records as ISO 2709 bytes) at a time.
        let batchBefore = residentBytes()
        var batchPeak = batchBefore
        var batchReader = try MARCXMLBatchReader(path: path)
        var batchCount = 0
        while let batch = try batchReader.nextBatch() {
            batchCount += batch.count
            batchPeak = max(batchPeak, residentBytes())
        }
        #expect(batchCount == written)
        let batchGrowth = batchPeak - batchBefore
        #expect(batchGrowth < 40_000_000, "RSS grew by \(batchGrowth / 1_000_000) MB reading batches")
        print("MARCXML batches: \(batchCount) records, RSS growth \(batchGrowth / 1_000_000) MB")
    }
}
