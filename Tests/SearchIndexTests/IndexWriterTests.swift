import Foundation
import Dispatch
import SearchIndex
import Synchronization
import Testing

@Suite("Incremental updates")
struct IndexWriterTests {
    func row(_ id: String, _ title: String, agency: String = "870970", year: Int = 2000) -> IndexDocument {
        Fixtures.document(Fixtures.Row(id: id, agency: agency, title: title, authors: ["Testesen, Tove"], year: year))
    }

    /// A bulk load with `spillDirectory` keeps frozen segments in mapped, already-unlinked files: it answers like an
    /// in-memory writer, writes the same index file, and leaves nothing behind in the directory.
    @Test func spilledSegmentsAnswerLikeInMemoryOnes() throws {
        let dir = IndexFileTests.tempPath("spill")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let docs = Fixtures.rows.map(Fixtures.document)
        let spilled = IndexWriter(flushThreshold: 4, spillDirectory: dir)
        let inMemory = IndexWriter(flushThreshold: 4)
        spilled.add(contentsOf: docs)
        inMemory.add(contentsOf: docs)
        spilled.delete(id: "D05", agency: "710100")
        inMemory.delete(id: "D05", agency: "710100")
        let a = spilled.snapshot()
        let b = inMemory.snapshot()
        #expect(a.segmentCount == b.segmentCount && a.segmentCount > 2)
        for q in IndexFileTests.queries + ["blixen", "ti=fald*", "år >= 1950"] {
            #expect(try a.search(q, options: SearchOptions(limit: 50)) == b.search(q, options: SearchOptions(limit: 50)))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        let pa = IndexFileTests.tempPath("a.ktx")
        let pb = IndexFileTests.tempPath("b.ktx")
        try a.write(to: pa)
        try b.write(to: pb)
        #expect(FileManager.default.contents(atPath: pa) == FileManager.default.contents(atPath: pb))
    }

    @Test func addUpdateDelete() throws {
        let writer = IndexWriter(base: Fixtures.index)
        let before = writer.snapshot()
        writer.add(row("D21", "Gentagelsen"))
        #expect(try writer.snapshot().idSet("ti=gentagelsen") == ["D21"])
        // Update: same (id, agency) replaces the base document.
        writer.add(row("D03", "Den store prins"))
        let s = writer.snapshot()
        #expect(try s.idSet("ti=lille and ti=prins") == [])
        #expect(try s.idSet("ti=store") == ["D03"])
        #expect(try s.idSet("ti=prins") == ["D03"])
        // Update of a pending document.
        writer.add(row("D21", "Gjentagelsen"))
        #expect(try writer.snapshot().idSet("ti=gentagelsen") == [])
        #expect(try writer.snapshot().idSet("ti=gjentagelsen") == ["D21"])
        // Same id, other agency: a different record.
        writer.add(row("D21", "Gjentagelsen", agency: "710100"))
        #expect(try writer.snapshot().search("ti=gjentagelsen").total == 2)
        #expect(writer.delete(id: "D21", agency: "710100"))
        #expect(!writer.delete(id: "D21", agency: "710100"))
        #expect(writer.delete(id: "D01", agency: "870970"))
        let after = writer.snapshot()
        #expect(try after.idSet("fo=kierkegaard") == ["D02"])
        #expect(after.liveDocumentCount == 20)
        // The old snapshot is unchanged.
        #expect(try before.idSet("fo=kierkegaard") == ["D01", "D02"])
        #expect(try before.idSet("ti=prins") == ["D03"])
        #expect(try before.search("ti=lille").total == 1)
    }

    @Test func snapshotIsCachedUntilAChange() throws {
        let writer = IndexWriter(base: Fixtures.index)
        writer.add(row("X1", "Alpha"))
        let a = writer.snapshot()
        let b = writer.snapshot()
        #expect(a.segmentCount == 2 && b.segmentCount == 2)
        #expect(try a.ids("ti=alpha") == b.ids("ti=alpha"))
    }

    @Test func flushFreezesPendingSegments() throws {
        let writer = IndexWriter(flushThreshold: 10)
        for i in 0..<35 { writer.add(row("F\(i)", "Bog nummer \(i)", year: 1990 + i)) }
        let s = writer.snapshot()
        #expect(s.segmentCount == 4)
        #expect(try s.search("ti=bog").total == 35)
        #expect(try s.ids("ti=bog sortBy year", ).prefix(3) == ["F0", "F1", "F2"])
        #expect(try s.ids("år within \"2020 2030\"").count == 5)
        writer.delete(id: "F3", agency: "870970")
        writer.add(row("F12", "Ny titel"))
        let t = writer.snapshot()
        #expect(try t.search("ti=bog").total == 33)
        #expect(try t.idSet("ti=ny") == ["F12"])
    }

    @Test func rankingIsConsistentAcrossSegments() throws {
        // A document in the pending segment scores like the same document in the base.
        let writer = IndexWriter(base: Fixtures.index)
        let doc = Fixtures.document(Fixtures.Row(id: "D22", title: "Kongens fald", authors: ["Jensen, Johannes V."],
                                                 subjects: ["historiske romaner"], year: 1901))
        writer.add(doc)
        let r = try writer.snapshot().search(#"ti="kongens fald""#)
        #expect(r.hits.map(\.id) == ["D07", "D22"])
        #expect(r.hits[0].score == r.hits[1].score)
    }

    @Test func compactionMatchesAFreshBuild() throws {
        let writer = IndexWriter(base: Fixtures.index, flushThreshold: 3)
        var live = Fixtures.documents
        writer.delete(id: "D01", agency: "870970")
        live.removeAll { $0.id == "D01" }
        let newD03 = row("D03", "Den store prins")
        writer.add(newD03)
        live.removeAll { $0.id == "D03" }
        live.append(newD03)
        for i in 1...7 {
            let d = row("X\(i)", "Ekstra bog nummer \(i) om prinser", year: 2000 + i)
            writer.add(d)
            live.append(d)
        }
        writer.delete(id: "X2", agency: "870970")
        live.removeAll { $0.id == "X2" }
        let before = writer.snapshot()
        #expect(before.segmentCount > 2)
        writer.compact()
        let compacted = writer.snapshot()
        #expect(compacted.segmentCount == 1)
        #expect(compacted.liveDocumentCount == live.count)
        #expect(compacted.documentCount == live.count)
        let fresh = IndexSnapshot.build(live)
        let queries = [
            "kierkegaard", "ti=prins*", #"ti="store prins""#, "fo=blix* sortBy title", "år within \"2000 2010\"",
            "ti=ekstra prox/distance<=3 ti=nummer", "cql.allRecords=1 sortBy year/sort.descending", "ib=97887*",
            #"lti="den store prins""#, "em=eventyr or fo=testesen",
        ]
        for q in queries {
            let options = SearchOptions(limit: 50, facets: ["type", "year", "author", "subject", "language"])
            let a = try compacted.search(q, options: options)
            let b = try fresh.search(q, options: options)
            #expect(a == b, "\(q)")
            #expect(Set(a.hits.map(\.id)) == Set(try before.search(q, options: options).hits.map(\.id)), "\(q)")
        }
        // And it survives a file round trip.
        let path = IndexFileTests.tempPath("compacted.ktx")
        try compacted.write(to: path)
        let opened = try IndexSnapshot.open(path: path)
        #expect(try opened.search("ti=prins*", options: SearchOptions(limit: 50)) == compacted.search("ti=prins*", options: SearchOptions(limit: 50)))
    }

    /// Compaction on one thread while another adds and deletes and others search.
    @Test func compactionDuringUpdates() throws {
        let writer = IndexWriter(base: Fixtures.index, flushThreshold: 25)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            switch worker {
            case 0:
                for i in 0..<400 {
                    writer.add(row("C\(i % 100)", "Komprimering \(i)"))
                    if i % 4 == 0 { writer.delete(id: "C\((i + 50) % 100)", agency: "870970") }
                }
            case 1:
                for _ in 0..<5 { writer.compact() }
            default:
                for _ in 0..<100 {
                    let snap = writer.snapshot()
                    let k = (try? snap.search("fo=kierkegaard").total) ?? -1
                    if k != 2 { failures.withLock { $0.append("kierkegaard \(k)") } }
                    let c = (try? snap.search("ti=komprimering", options: SearchOptions(limit: 200))) ?? SearchResult(total: -1, hits: [], facets: [])
                    if Set(c.hits.map(\.id)).count != c.total { failures.withLock { $0.append("duplicates \(c.total)") } }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        // Replay the same operations sequentially for the expected live set.
        var expected = Set<String>()
        for i in 0..<400 {
            expected.insert("C\(i % 100)")
            if i % 4 == 0 { expected.remove("C\((i + 50) % 100)") }
        }
        writer.compact()
        let final = writer.snapshot()
        #expect(final.segmentCount == 1)
        #expect(try final.idSet("ti=komprimering") == expected)
        #expect(final.liveDocumentCount == 20 + expected.count)
    }

    /// Readers search snapshots on all threads while one thread updates; nobody blocks the pool.
    @Test func concurrentSearchesDuringUpdates() throws {
        let writer = IndexWriter(base: Fixtures.index)
        let failures = Mutex<[String]>([])
        let searches = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            if worker == 0 {
                for i in 0..<300 {
                    writer.add(row("U\(i % 40)", "Opdatering \(i)"))
                    if i % 3 == 0 { writer.delete(id: "U\((i + 7) % 40)", agency: "870970") }
                    // Re-add a base record unchanged: the Kierkegaard count must stay 2.
                    if i % 10 == 0 { writer.add(Fixtures.documents[0]) }
                }
            } else {
                for _ in 0..<150 {
                    let snap = writer.snapshot()
                    do {
                        let k = try snap.search("fo=kierkegaard", options: SearchOptions(facets: ["type"]))
                        if k.total != 2 { failures.withLock { $0.append("kierkegaard: \(k.total)") } }
                        let u = try snap.search("ti=opdatering", options: SearchOptions(limit: 50))
                        if u.total > 40 { failures.withLock { $0.append("duplicates: \(u.total)") } }
                        if Set(u.hits.map(\.id)).count != u.hits.count {
                            failures.withLock { $0.append("duplicate ids") }
                        }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                    searches.add(1, ordering: .relaxed)
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(searches.load(ordering: .relaxed) == 7 * 150)
        let final = writer.snapshot()
        #expect(try final.search("fo=kierkegaard").total == 2)
    }
}
