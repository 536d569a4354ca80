import Foundation
import KartotekTestSupport
import MARC
import MARCXML
import Testing

/// Every record of a document through ``MARCXMLBatchReader`` (small batches, so that records are carried over
/// between batches), materialised; then the error, if any.
func batchRecords(
    _ make: () throws -> MARCXMLBatchReader, maxRecords: Int
) throws -> (records: [MARCRecord], numbers: [Int], raw: [[UInt8]], error: MARCError?, diagnostics: [String]) {
    var reader = try make()
    var records: [MARCRecord] = []
    var numbers: [Int] = []
    var raw: [[UInt8]] = []
    var failure: MARCError?
    do {
        while let batch = try reader.nextBatch(maxRecords: maxRecords) {
            #expect(batch.count <= maxRecords && batch.count > 0)
            for view in batch {
                records.append(try reader.record(view))
                numbers.append(view.number)
                raw.append(Array(view.rawBytes))
            }
        }
    } catch {
        failure = error
    }
    return (records, numbers, raw, failure, reader.diagnostics.map(\.message))
}

/// The leader with the positions the batch arena computes (00–04, 09, 10–11, 12–16, 20–23) blanked.
func comparableLeader(_ leader: Leader) -> [UInt8] {
    var b = leader.bytes
    for i in [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23] { b[i] = 0x20 }
    return b
}

@Suite struct MARCXMLBatchReaderTests {
    @Test(arguments: realXMLFiles + danMARC2XMLFiles)
    func batchesEqualOwningRecords(path: String) throws {
        var reader = try MARCXMLReader(path: path, options: ReadOptions(lenient: true))
        let owning = try reader.readAll()
        let got = try batchRecords({ try MARCXMLBatchReader(path: path, options: ReadOptions(lenient: true)) }, maxRecords: 7)
        #expect(got.error == nil)
        #expect(got.records.count == owning.count, "\(TestSupport.name(path))")
        #expect(got.numbers == Array(1...max(1, owning.count)).prefix(owning.count).map { $0 })
        #expect(got.diagnostics == reader.diagnostics.map(\.message))
        for (a, b) in zip(got.records, owning) {
            #expect(comparableLeader(a.leader) == comparableLeader(b.leader))
            #expect(a.leader[9] == UInt8(ascii: "a"))
            #expect(a.fields == b.fields, "\(TestSupport.name(path))")
        }
        // Each record's bytes are a valid ISO 2709 record that reads back to the same record.
        for (bytes, record) in zip(got.raw, got.records) {
            var iso = ISO2709Reader(bytes: bytes)
            let back = try iso.next()
            #expect(back == record)
        }
    }

    @Test func batchSizesAndCarryOver() throws {
        let path = TestSupport.corpora.appendingPathComponent("real/solrmarc_specTestRecs.xml").path
        var reader = try MARCXMLReader(path: path)
        let owning = try reader.readAll()
        for size in [1, 2, 5, 1_000] {
            let got = try batchRecords({ try MARCXMLBatchReader(path: path) }, maxRecords: size)
            #expect(got.records.count == owning.count)
            #expect(got.records.map(\.fields) == owning.map(\.fields), "maxRecords \(size)")
        }
    }

    @Test func errorsMatchTheOwningReader() throws {
        let path = TestSupport.corpora.appendingPathComponent("real/solrmarc_specTestRecs.xml").path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        for k in 1..<12 {
            let cut = bytes.count * k / 12
            var corrupted = bytes
            corrupted[cut] = UInt8(ascii: "<")
            for input in [Array(bytes[..<cut]), corrupted] {
                for lenient in [false, true] {
                    let options = ReadOptions(lenient: lenient)
                    var reader = MARCXMLReader(bytes: input, options: options)
                    var owning: [MARCRecord] = []
                    var owningError: MARCError?
                    do {
                        while let r = try reader.next() { owning.append(r) }
                    } catch {
                        owningError = error
                    }
                    let got = try batchRecords({ MARCXMLBatchReader(bytes: input, options: options) }, maxRecords: 3)
                    #expect(got.records.map(\.fields) == owning.map(\.fields))
                    #expect(got.error?.message == owningError?.message)
                    #expect(got.error?.kind == owningError?.kind)
                }
            }
        }
    }

    @Test func repairsAndNamespacesAsTheOwningReader() throws {
        let xml = """
            <?xml version="1.0"?>
            <marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim">
              <marc:record>
                <marc:leader>00000nam a2200000 a 450</marc:leader>
                <marc:controlfield tag="001">x&amp;y</marc:controlfield>
                <marc:datafield tag="24" ind1="1">
                  <marc:subfield code="&amp;">A &amp; B &#x263A;</marc:subfield>
                  <marc:subfield code="b">c</marc:subfield>
                </marc:datafield>
              </marc:record>
              <record xmlns="info:lc/xmlns/marcxchange-v1">
                <datafield tag="001" ind1="0" ind2="0"><subfield code="a">123</subfield></datafield>
                <datafield tag="245" ind1="0" ind2="0"><subfield code="å">t</subfield></datafield>
              </record>
              <other xmlns="urn:x"><record><leader>ignored</leader></record></other>
            </marc:collection>
            """
        for lenient in [false, true] {
            var reader = MARCXMLReader(string: xml, options: ReadOptions(lenient: lenient))
            var owning: [MARCRecord] = []
            var owningError: MARCError?
            do {
                while let r = try reader.next() { owning.append(r) }
            } catch {
                owningError = error
            }
            let got = try batchRecords({ MARCXMLBatchReader(string: xml, options: ReadOptions(lenient: lenient)) }, maxRecords: 1)
            #expect(got.records.map(\.fields) == owning.map(\.fields))
            #expect(got.error?.message == owningError?.message)
            #expect(got.diagnostics == reader.diagnostics.map(\.message))
            if lenient {
                #expect(owning.count == 2)
                #expect(got.records.first?["024"]?["&"] == "A & B \u{263A}")
                #expect(got.records.last?["245"]?["å"] == "t")
            }
        }
    }

    /// The parse runs on a thread of its own: a caller that changes `maxRecords` between calls still gets every
    /// record once and in order, and a reader dropped half-way (or never read) stops its thread without hanging.
    @Test func parseThreadHandsOverSplitsAndStops() throws {
        let path = TestSupport.corpora.appendingPathComponent("real/solrmarc_specTestRecs.xml").path
        var owningReader = try MARCXMLReader(path: path)
        let owning = try owningReader.readAll()
        #expect(owning.count > 20)

        var reader = try MARCXMLBatchReader(path: path)
        var got: [MARCRecord] = []
        let sizes = [1_000, 1, 3, 1, 1_000]
        var k = 0
        while let batch = try reader.nextBatch(maxRecords: sizes[k % sizes.count]) {
            #expect(batch.count <= sizes[k % sizes.count])
            for view in batch { got.append(try reader.record(view)) }
            k += 1
        }
        #expect(got.map(\.fields) == owning.map(\.fields))
        #expect(reader.recordsSeen == owning.count)

        // A document of more runs than the channel holds (256 owning records a run, two waiting), abandoned after
        // the first batch and after the first record: the parse thread is blocked handing over, and deinit
        // cancels and joins it. (Kept to a few megabytes: the streaming test measures this process's RSS.)
        let writer = MARCXMLWriter(flavor: .marc21)
        var document = Array(writer.header.utf8)
        var copies = 0
        while copies * owning.count <= 3 * 256 {
            for r in owning { document += Array(writer.fragment(r).utf8) }
            copies += 1
        }
        document += Array(writer.footer.utf8)
        for _ in 0..<5 {
            var batches = MARCXMLBatchReader(bytes: document)
            #expect(try batches.nextBatch(maxRecords: 2)?.count == 2)
            var records = MARCXMLReader(bytes: document)
            #expect(try records.next() != nil)
            _ = MARCXMLBatchReader(bytes: document)
        }
    }
}
