import Foundation
import KartotekTestSupport
import MARC
import Testing

/// Every malformed file from the peers' test suites: strict reading stops with a located, readable error (or reads
/// the file when it is in fact well-formed); lenient reading recovers records and says what it skipped.
@Suite struct EdgeFileTests {
    static let files = TestSupport.files(in: "edge")

    @Test(arguments: files)
    func strictModeGivesAClearErrorOrReadsTheFile(path: String) throws {
        var reader = try ISO2709Reader(path: path)
        do {
            while try reader.next() != nil {}
        } catch {
            #expect(error.file == path)
            #expect(error.recordNumber != nil)
            #expect(error.byteOffset != nil)
            #expect(error.message.count > 10)
            #expect(error.disposition == .fatal)
        }
    }

    @Test(arguments: files)
    func lenientModeRecoversRecordsAndReportsSkips(path: String) throws {
        var reader = try ISO2709Reader(path: path, options: ReadOptions(lenient: true))
        var records = 0
        while let record = try reader.next() {
            records += 1
            // Every recovered record can be written out again as well-formed ISO 2709 and read back strictly.
            var copy = record
            copy.forgetOriginalBytes()
            if let bytes = try? copy.iso2709Bytes() {
                var again = ISO2709Reader(bytes: bytes)
                let reread = try again.next()
                #expect(reread?.fields.count == record.fields.count)
            }
        }
        #expect(records >= 1, "\(TestSupport.name(path)): no record recovered")
        for d in reader.diagnostics {
            #expect(d.disposition != .fatal)
            #expect(d.recordNumber != nil && d.byteOffset != nil)
        }
    }
}
