import KartotekTestSupport
import MARC
import Testing

@Suite struct MARCRecordTests {
    static let danish = MARCRecord(
        leader: Leader(ascii: "00000nam  2200000   4500"),
        fields: [
            Field(tag: "001", indicators: ("0", "0"), subfields: [Subfield("a", "22639862"), Subfield("b", "870970")]),
            Field(tag: "100", indicators: ("0", "0"), subfields: [Subfield("a", "Kierkegaard"), Subfield("h", "Søren")]),
            Field(tag: "245", indicators: ("0", "0"), subfields: [Subfield("a", "Enten - eller"), Subfield("æ", "øå")]),
            Field(tag: "d08", indicators: ("0", "0"), subfields: [Subfield("a", "lokal note")]),
        ])

    @Test func editedRecordIsRegeneratedWithCorrectLengthsAndDirectory() throws {
        let bytes = try Self.danish.iso2709Bytes(encoding: .utf8)
        #expect(bytes.count == Int(String(decoding: bytes[0..<5], as: UTF8.self)))
        #expect(bytes.last == 0x1D)
        var reader = ISO2709Reader(bytes: bytes)
        let back = try #require(try reader.next())
        #expect(back.fields == Self.danish.fields)
        #expect(back.isDanMARC2)
        #expect(back.identifier == "22639862")
        #expect(back.agency == "870970")
        #expect(back["245"]?["æ"] == "øå")
        #expect(back["d08"]?["a"] == "lokal note")
    }

    @Test func unchangedRecordIsWrittenBackAsReadAndAnEditRegeneratesIt() throws {
        var bytes = try Self.danish.iso2709Bytes(encoding: .utf8)
        // Make the directory order differ from the data order: swap two entries by hand.
        let e1 = 24 + 12
        let e2 = 24 + 24
        let first = Array(bytes[e1..<(e1 + 12)])
        bytes.replaceSubrange(e1..<(e1 + 12), with: bytes[e2..<(e2 + 12)])
        bytes.replaceSubrange(e2..<(e2 + 12), with: first)
        var reader = ISO2709Reader(bytes: bytes)
        var record = try #require(try reader.next())
        #expect(try record.iso2709Bytes() == bytes)
        record.fields.append(Field(tag: "504", indicators: ("0", "0"), subfields: [Subfield("a", "ny")]))
        #expect(try record.iso2709Bytes() != bytes)
        var again = ISO2709Reader(bytes: try record.iso2709Bytes())
        #expect(try again.next()?.fields.last?["a"] == "ny")
    }

    @Test func writerRefusesOversizeFieldsAndRecords() {
        let big = String(repeating: "x", count: 10_000)
        let record = MARCRecord(fields: [Field(tag: "245", subfields: [Subfield("a", big)])])
        #expect(throws: MARCError.self) { try record.iso2709Bytes() }
        let many = MARCRecord(fields: (0..<20).map { _ in Field(tag: "500", subfields: [Subfield("a", String(repeating: "y", count: 9_000))]) })
        do {
            _ = try many.iso2709Bytes()
            Issue.record("expected a limit error")
        } catch {
            #expect(error.kind == .limit)
        }
    }

    @Test func marcJSONRoundTrip() throws {
        let json = Self.danish.marcJSON
        let back = try MARCRecord(marcJSON: json)
        #expect(back == Self.danish)
        #expect(json.contains("\"001\":{\"ind1\":\"0\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"22639862\"}"))
    }

    @Test(arguments: [
        "", "{", "[]", "{\"fields\":3}", "{\"leader\":\"short\",\"fields\":[]}", "{\"fields\":[{\"24\":\"x\"}]}",
        "{\"fields\":[{\"245\":{\"subfields\":[{\"ab\":\"x\"}]}}]}", "{\"fields\":[{\"245\":7}]}",
        String(repeating: "[", count: 10_000),
    ])
    func malformedJSONGivesAClearError(text: String) {
        do {
            _ = try MARCRecord(marcJSON: text)
            Issue.record("accepted \(text.prefix(40))")
        } catch {
            #expect(error.kind == .json)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func jsonLinesReaderReportsBadLinesInLenientMode() throws {
        let text = Self.danish.marcJSON + "\nnot json\n\n" + Self.danish.marcJSON + "\n"
        var strict = MARCJSONReader(bytes: Array(text.utf8))
        #expect(try strict.next() != nil)
        #expect(throws: MARCError.self) { try strict.next() }
        var lenient = MARCJSONReader(bytes: Array(text.utf8), options: ReadOptions(lenient: true))
        var n = 0
        while try lenient.next() != nil { n += 1 }
        #expect(n == 2)
        #expect(lenient.diagnostics.count == 1)
        #expect(lenient.diagnostics.first?.recordNumber == 2)
    }

    @Test func textDumpLooksLikeYazMarcdump() {
        let dump = Self.danish.textDump
        #expect(dump.hasPrefix("00000nam  2200000   4500\n001 00 $a 22639862 $b 870970\n"))
        #expect(dump.contains("245 00 $a Enten - eller $æ øå\n"))
    }

    @Test func parallelParseMatchesSequentialParse() throws {
        for path in TestSupport.realISO2709Files {
            let storage = try ByteStorage(mapping: path)
            var sequential = ISO2709Reader(storage: storage, options: ReadOptions(lenient: true))
            let one = try #require(try sequential.nextBatch())
            let (batches, _) = try ISO2709Reader.parseParallel(storage: storage, options: ReadOptions(lenient: true), chunks: 7)
            let views = batches.flatMap { b in b.map { $0 } }
            #expect(views.count == one.count, "\(TestSupport.name(path))")
            for (a, b) in zip(one, views) {
                #expect(a.number == b.number)
                #expect(a.fieldCount == b.fieldCount)
            }
        }
    }
}
