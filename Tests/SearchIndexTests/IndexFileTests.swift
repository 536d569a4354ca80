import Foundation
import SearchIndex
import Testing

@Suite("Index files")
struct IndexFileTests {
    static func tempPath(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kartotek-search-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    static let queries = [
        "kierkegaard", "fo=blix*", #"ti="den lille prins""#, "år within \"1900 1950\"", "ib=9788702012347",
        "ti=lille prox/distance<=2 ti=prins", "fo=blixen sortBy title", "cql.allRecords=1 not ma=bog",
    ]

    static func answers(_ index: IndexSnapshot) throws -> [SearchResult] {
        try queries.map {
            try index.search($0, options: SearchOptions(limit: 100, facets: ["type", "year", "author"]))
        }
    }

    @Test func roundTripGivesTheSameResults() throws {
        let path = Self.tempPath("catalogue.ktx")
        try Fixtures.index.write(to: path)
        let opened = try IndexSnapshot.open(path: path)
        #expect(try Self.answers(opened) == Self.answers(Fixtures.index))
        #expect(opened.documentCount == Fixtures.index.documentCount)
        let unverified = try IndexSnapshot.open(path: path, verifyChecksums: false)
        #expect(try Self.answers(unverified) == Self.answers(Fixtures.index))
        // No temporary files left beside it.
        let dir = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["catalogue.ktx"])
    }

    /// Stored fields are packed (numeric ids as numbers, agencies through a per-segment table, 16 entries a
    /// block with their lengths first): every kind of value must come back the same from memory, from the file,
    /// and after segments with different agency tables are merged — in segments of 3 documents (one partial
    /// block), 17 (a full block and one entry) and 41 (two full blocks and a partial one, after compaction).
    @Test(arguments: [3, 17])
    func storedFieldsSurviveFilesAndMerging(segmentSize: Int) throws {
        let ids = ["00123", "0", "1234567890123456789", "12345678901234567890", "kt42", "", "22677780", "x y"]
        let agencies = ["870970", "710100", "enrichmentview|775100", "", "870970", "localrecord|399101", "710100", "ø"]
        let docs = (0..<41).map { n in
            let i = n % ids.count
            // Titles of every length class: short, and long enough for a two-byte length (n % 5 == 4).
            let long = n % 5 == 4 ? String(repeating: "lang titel \(n) ", count: 12) : ""
            return IndexDocument(
                id: n < ids.count ? ids[i] : ids[i] + "\(n)", agency: agencies[i], fields: ["title": ["Titel \(n)"]],
                title: "Titel \(n) æøå" + long, author: i % 2 == 0 ? "Blixen, Karen" : "",
                year: i == 3 ? "[1998?]" : (i == 5 ? "" : "19\(10 + i)"),
                sortYear: i == 3 ? 1998 : (i == 5 ? nil : 1910 + i),
                holdings: i % 3 == 0 ? IndexDocument.Holdings(total: n, available: n / 2) : nil)
        }
        let writer = IndexWriter(flushThreshold: segmentSize)
        writer.add(contentsOf: docs)
        let live = writer.snapshot()
        #expect(live.segmentCount == (docs.count + segmentSize - 1) / segmentSize)
        let path = Self.tempPath("stored.ktx")
        try live.write(to: path)
        let opened = try IndexSnapshot.open(path: path)
        for index in [live, opened, opened.compacted()] {
            for (i, doc) in docs.enumerated() {
                let hit = try #require(index.storedFields(at: i))
                #expect(hit.id == doc.id)
                #expect(hit.agency == doc.agency)
                #expect(hit.title == doc.title)
                #expect(hit.author == doc.author)
                #expect(hit.year == doc.year)
                #expect(hit.holdings == doc.holdings)
            }
        }
        #expect(opened.compacted().segmentCount == 1)
    }

    @Test func rewriteReplacesAtomically() throws {
        let path = Self.tempPath("catalogue.ktx")
        try IndexSnapshot.build(Array(Fixtures.documents.prefix(3))).write(to: path)
        let first = try IndexSnapshot.open(path: path)
        try Fixtures.index.write(to: path)
        let second = try IndexSnapshot.open(path: path)
        // The first mapping stays valid after the rename.
        #expect(try first.search("cql.allRecords=1").total == 3)
        #expect(try second.search("cql.allRecords=1").total == 20)
    }

    @Test func flippedByteIsReportedAsCorrupt() throws {
        let path = Self.tempPath("catalogue.ktx")
        try Fixtures.index.write(to: path)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // Every byte is covered by a checksum or must be zero padding: try many single flips.
        for offset in Array(stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300))) + [bytes.count - 1] {
            var copy = bytes
            copy[offset] ^= 0x5A
            try copy.write(to: URL(fileURLWithPath: path))
            do {
                _ = try IndexSnapshot.open(path: path)
                Issue.record("opened a file with byte \(offset) flipped")
            } catch {
                #expect([.corrupt, .notAnIndex, .unsupportedVersion, .truncated].contains(error.kind), "\(error.message)")
                if offset >= 24 { #expect(error.kind == .corrupt, "\(offset): \(error.message)") }
                #expect(error.message.contains(path))
            }
        }
        bytes[0] = bytes[0]
    }

    @Test func truncatedFileIsReported() throws {
        let path = Self.tempPath("catalogue.ktx")
        try Fixtures.index.write(to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for length in [bytes.count - 1, bytes.count / 2, 100, 30] {
            try bytes.prefix(length).write(to: URL(fileURLWithPath: path))
            do {
                _ = try IndexSnapshot.open(path: path)
                Issue.record("opened a file truncated to \(length) bytes")
            } catch {
                #expect(error.kind == .truncated, "\(length): \(error.message)")
                #expect(error.message.contains("truncated"), "\(error.message)")
            }
        }
    }

    @Test func foreignAndEmptyFilesAreNotIndexes() throws {
        let path = Self.tempPath("foreign.ktx")
        try Data("PK\u{3}\u{4} this is a zip file, not an index at all".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try IndexSnapshot.open(path: path)
            Issue.record("opened a foreign file")
        } catch {
            #expect(error.kind == .notAnIndex)
            #expect(error.message.contains("is not a Kartotek index"), "\(error.message)")
        }
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(throws: IndexError.self) { try IndexSnapshot.open(path: path) }
        #expect(throws: IndexError.self) { try IndexSnapshot.open(path: path + ".missing") }
    }

    @Test func wrongVersionIsReported() throws {
        let path = Self.tempPath("catalogue.ktx")
        try Fixtures.index.write(to: path)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[8] = 99
        try bytes.write(to: URL(fileURLWithPath: path))
        do {
            _ = try IndexSnapshot.open(path: path)
            Issue.record("opened version 99")
        } catch {
            #expect(error.kind == .unsupportedVersion)
            #expect(error.message.contains("version 99"))
        }
    }

    /// Without checksum verification, damaged bytes must still never crash a search.
    @Test func damagedFilesNeverCrashSearches() throws {
        let path = Self.tempPath("catalogue.ktx")
        try Fixtures.index.write(to: path)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        var generator = SystemRandomNumberGenerator()
        var opened = 0
        for round in 0..<150 {
            var copy = original
            for _ in 0..<(1 + round % 8) {
                let at = Int.random(in: 0..<copy.count, using: &generator)
                copy[at] = UInt8.random(in: 0...255, using: &generator)
            }
            try copy.write(to: URL(fileURLWithPath: path))
            guard let index = try? IndexSnapshot.open(path: path, verifyChecksums: false) else { continue }
            opened += 1
            for q in Self.queries + ["ti=*", "fo=*sen", "ti=fa??"] {
                _ = try index.search(q, options: SearchOptions(limit: 5, sort: .title, facets: ["author", "year"]))
                _ = try index.search(q, options: SearchOptions(limit: 5, sort: .year))
            }
        }
        #expect(opened > 0)
    }

    @Test func snapshotWithDeletionsRoundTrips() throws {
        let writer = IndexWriter(base: Fixtures.index)
        writer.delete(id: "D01", agency: "870970")
        writer.add(Fixtures.document(Fixtures.Row(id: "D21", title: "Gentagelsen", authors: ["Kierkegaard, Søren"], year: 1843)))
        let snap = writer.snapshot()
        let path = Self.tempPath("catalogue.ktx")
        try snap.write(to: path)
        let opened = try IndexSnapshot.open(path: path)
        #expect(try opened.idSet("fo=kierkegaard") == ["D02", "D21"])
        #expect(opened.segmentCount == 2)
        #expect(try Self.answers(opened) == Self.answers(snap))
    }
}
