import Catalog
import Foundation
import KartotekTestSupport
import MARC
import SearchIndex
import Testing

/// The catalogue façade: agency views, holdings search over a cooperation of school libraries, updates, files.
@Suite struct CatalogueTests {
    static func danish(_ id: String, agency: String, _ fields: [(String, [(Unicode.Scalar, String)])]) -> MARCRecord {
        var all: [Field] = [Field(tag: "001", indicators: ("0", "0"), subfields: [Subfield("a", id), Subfield("b", agency)])]
        for (tag, subs) in fields {
            all.append(Field(tag: Tag(stringLiteral: tag), indicators: ("0", "0"), subfields: subs.map { Subfield($0.0, $0.1) }))
        }
        return MARCRecord(leader: Leader(ascii: "00000n    2200000   4500"), fields: all)
    }

    static let common = [
        danish("20000018", agency: "870970", [("004", [("r", "n"), ("a", "e")]), ("100", [("a", "Kierkegaard"), ("h", "Søren")]),
            ("245", [("a", "Frygt og bæven")]), ("008", [("a", "1843"), ("l", "dan")])]),
        danish("20000026", agency: "870970", [("004", [("r", "n"), ("a", "e")]), ("100", [("a", "Blixen"), ("h", "Karen")]),
            ("245", [("a", "Den afrikanske farm")]), ("008", [("a", "1937"), ("l", "dan")])]),
        danish("20000034", agency: "870970", [("004", [("r", "n"), ("a", "e")]), ("100", [("a", "Ditlevsen"), ("h", "Tove")]),
            ("245", [("a", "Barndommens gade")]), ("008", [("a", "1943"), ("l", "dan")])]),
    ]
    /// 710100's enrichment: a local subject word on Kierkegaard's book.
    static let enrichment = danish("20000018", agency: "710100", [("666", [("s", "eksistensfilosofi")])])
    static let local = danish("90000014", agency: "710100", [("004", [("r", "n"), ("a", "e")]),
        ("245", [("a", "Nørrebro i billeder")]), ("008", [("a", "2001"), ("l", "dan")])])

    /// A cooperation of 20 school libraries (399101–399120) and two public libraries; statuses vary by item.
    static func holdings() -> [HoldingsItem] {
        var items: [HoldingsItem] = []
        for school in 1...20 {
            let agency = String(399_100 + school)
            // Every school has Blixen; even schools have Ditlevsen, on loan at schools divisible by 4.
            items.append(HoldingsItem(agency: agency, recordId: "20000026", branch: "\(agency)-1", itemId: "\(agency)-b", status: .onShelf))
            if school % 2 == 0 {
                items.append(HoldingsItem(agency: agency, recordId: "20000034", branch: "\(agency)-1", itemId: "\(agency)-d",
                    status: school % 4 == 0 ? .onLoan : .onShelf))
            }
        }
        items.append(HoldingsItem(agency: "710100", recordId: "20000018", branch: "Hovedbiblioteket", itemId: "k1", status: .onLoan))
        items.append(HoldingsItem(agency: "710100", recordId: "20000018", branch: "Vesterbro", itemId: "k2", status: .onShelf))
        items.append(HoldingsItem(agency: "775100", recordId: "20000034", branch: "Dokk1", itemId: "a1", status: .lost))
        return items
    }

    static let schools = (1...20).map { String(399_100 + $0) }

    func make() -> Catalogue { Catalogue(records: Self.common + [Self.enrichment, Self.local], holdings: Self.holdings()) }

    func ids(_ r: CatalogSearchResult) -> [String] { r.hits.map { "\($0.hit.id)/\($0.hit.agency)" }.sorted() }

    @Test func anAgencySeesItsMergedViewAndItsLocalRecords() throws {
        let c = make()
        // The enrichment's subject word is only in 710100's view.
        #expect(try c.search("em = eksistensfilosofi").total == 0)
        let own = try c.search("em = eksistensfilosofi", options: .init(viewer: "710100"))
        #expect(ids(own) == ["20000018/710100"])
        // 710100 sees its enrichment instead of the common record, never both.
        let kierkegaard = try c.search("fo = kierkegaard", options: .init(viewer: "710100"))
        #expect(ids(kierkegaard) == ["20000018/710100"])
        #expect(ids(try c.search("fo = kierkegaard")) == ["20000018/870970"])
        // Another library sees the common record.
        #expect(ids(try c.search("fo = kierkegaard", options: .init(viewer: "775100"))) == ["20000018/870970"])
        // The merged view keeps the common fields and adds the enrichment's.
        let view = try #require(c.record(id: "20000018", for: "710100"))
        #expect(view["245"]?["a"] == "Frygt og bæven")
        #expect(view["666"]?["s"] == "eksistensfilosofi")
        #expect(c.record(id: "20000018", for: nil)?["666"] == nil)
        // A local record is searchable, as its owner sees it.
        #expect(ids(try c.search("ti = nørrebro", options: .init(viewer: "710100"))) == ["90000014/710100"])
    }

    @Test func holdingsSearchOverACooperationOfTwentySchoolLibraries() throws {
        let c = make()
        let all = try c.search("sp = dan", options: .init(agencies: Self.schools))
        #expect(ids(all) == ["20000026/870970", "20000034/870970"])
        let blixen = try #require(all.hits.first { $0.hit.id == "20000026" })
        #expect(blixen.holdings.overall.total == 20 && blixen.holdings.overall.available == 20)
        #expect(blixen.holdings.byAgency.count == 20)
        let ditlevsen = try #require(all.hits.first { $0.hit.id == "20000034" })
        // 10 even schools hold it; 5 of them (divisible by 4) have it on loan; the lost copy in 775100 is not counted.
        #expect(ditlevsen.holdings.overall.total == 10 && ditlevsen.holdings.overall.available == 5)
        #expect(ditlevsen.holdings.byBranch["399104"]?["399104-1"]?.available == 0)
        #expect(ditlevsen.holdings.byBranch["399102"]?["399102-1"]?.available == 1)
        // Only the schools whose copy is on the shelf.
        let onShelfAt4 = try c.search("fo = ditlevsen", options: .init(agencies: ["399104"], availableOnly: true))
        #expect(onShelfAt4.total == 0)
        let onShelfAt2 = try c.search("fo = ditlevsen", options: .init(agencies: ["399102"], availableOnly: true))
        #expect(onShelfAt2.total == 1)
        // Kierkegaard is not held by any school.
        #expect(try c.search("fo = kierkegaard", options: .init(agencies: Self.schools)).total == 0)
    }

    @Test func holdingsStatusChangesShowAtOnce() throws {
        let c = make()
        #expect(try c.search("fo = ditlevsen", options: .init(agencies: ["399104"], availableOnly: true)).total == 0)
        try c.holdings.setStatus(.onShelf, agency: "399104", itemId: "399104-d")
        #expect(try c.search("fo = ditlevsen", options: .init(agencies: ["399104"], availableOnly: true)).total == 1)
    }

    @Test func theIndexFollowsEnrichmentAndLocalRecordChanges() throws {
        let c = make()
        // A new enrichment by 775100 becomes searchable in its view immediately.
        try c.put(Self.danish("20000026", agency: "775100", [("666", [("s", "kenyaerindringer")])]))
        #expect(ids(try c.search("em = kenyaerindringer", options: .init(viewer: "775100"))) == ["20000026/775100"])
        #expect(try c.search("em = kenyaerindringer").total == 0)
        // Changing it replaces the old terms.
        try c.put(Self.danish("20000026", agency: "775100", [("666", [("s", "safari")])]))
        #expect(try c.search("em = kenyaerindringer", options: .init(viewer: "775100")).total == 0)
        #expect(try c.search("em = safari", options: .init(viewer: "775100")).total == 1)
        // Removing it restores the common view for that agency.
        c.remove(RecordKey(id: "20000026", agency: "775100"))
        #expect(ids(try c.search("fo = blixen", options: .init(viewer: "775100"))) == ["20000026/870970"])
        // A changed common record is re-indexed in the enriching library's view too.
        var changed = Self.common[0]
        changed.fields.append(Field(tag: "666", indicators: ("0", "0"), subfields: [Subfield("s", "angst")]))
        try c.put(changed)
        #expect(ids(try c.search("em = angst", options: .init(viewer: "710100"))) == ["20000018/710100"])
        // A new local record is searchable at once.
        try c.put(Self.danish("90000022", agency: "710100", [("245", [("a", "Amagerbanen")])]))
        #expect(ids(try c.search("ti = amagerbanen", options: .init(viewer: "710100"))) == ["90000022/710100"])
    }

    @Test func writtenCatalogueReopensWithTheSameResults() throws {
        let c = make()
        let dir = try TestSupport.temporaryDirectory().path
        try c.write(to: dir)
        let reopened = try Catalogue(directory: dir)
        for (q, o) in [("fo = kierkegaard", CatalogSearchOptions(viewer: "710100")), ("sp = dan", .init(agencies: Self.schools)),
                       ("em = eksistensfilosofi", .init(viewer: "710100")), ("år < 1940", .init())] {
            #expect(ids(try reopened.search(q, options: o)) == ids(try c.search(q, options: o)), "\(q)")
        }
        // Leaders differ only in the lengths and leader/09 the writer fills in.
        #expect(reopened.record(id: "20000018", for: "710100")?.fields == c.record(id: "20000018", for: "710100")?.fields)
        #expect(reopened.holdings.snapshot().itemCount == Self.holdings().count)
    }

    @Test func aCorruptIndexFileGivesAClearError() throws {
        let dir = try TestSupport.temporaryDirectory().path
        try make().write(to: dir)
        let current = try String(contentsOfFile: dir + "/CURRENT", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let path = dir + "/" + current + "/search.kix"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[0] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: CatalogError.self) { try Catalogue(directory: dir) }
    }

    @Test func matchingFindsExistingTitles() throws {
        let c = make()
        let incoming = Self.danish("1", agency: "870970", [("100", [("a", "Kierkegård"), ("h", "Søren")]),
            ("245", [("a", "Frygt og bæven"), ("c", "dialektisk lyrik")]), ("008", [("a", "1843")])])
        let matches = c.matches(for: incoming)
        #expect(matches.first?.record == RecordKey(id: "20000018", agency: "870970"))
    }

    @Test func concurrentSearchesDuringUpdates() throws {
        let c = make()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            for k in 0..<25 {
                if i == 0 {
                    try? c.put(Self.danish(String(30_000_000 + k), agency: "710100", [("245", [("a", "Lokal \(k)")])]))
                } else {
                    let r = try? c.search("fo = blixen or ti = lokal", options: .init(viewer: "710100", limit: 100))
                    #expect((r?.total ?? 0) >= 1)
                }
            }
        }
        #expect(try c.search("ti = lokal", options: .init(viewer: "710100", limit: 100)).total == 25)
    }
}

/// Local records through the catalogue: validated, stored durably, searchable at once, and back after a reopen.
@Suite struct CatalogueLocalRecordTests {
    @Test func localRecordsAreValidatedStoredAndSearchableAtOnce() throws {
        let dir = try TestSupport.temporaryDirectory()
        let store = try LocalRecordStore(path: dir.appendingPathComponent("local.log").path, agency: "710100")
        let catalogue = Catalogue(records: CatalogueTests.common)
        let ids = faustNumbers(2)
        let record = localRecord(id: ids[0], title: "Nørrebros gårde og gader")
        let key = try catalogue.createLocalRecord(record, in: store)
        #expect(key == RecordKey(id: ids[0], agency: "710100"))
        #expect(try catalogue.search("ti = gårde", options: .init(viewer: "710100")).total == 1)
        // An invalid record (no 245) is refused and neither stored nor indexed.
        var invalid = localRecord(id: ids[1], title: "x")
        invalid.fields.removeAll { $0.tag == "245" }
        #expect(throws: CatalogError.self) { try catalogue.createLocalRecord(invalid, in: store) }
        #expect(store.count == 1)
        // Update and delete go to the log and the index.
        try catalogue.updateLocalRecord(localRecord(id: ids[0], title: "Nørrebros baggårde"), in: store)
        #expect(try catalogue.search("ti = baggårde", options: .init(viewer: "710100")).total == 1)
        #expect(try catalogue.search("ti = gårde", options: .init(viewer: "710100")).total == 0)
        store.close()
        // Reopened from the log, the record comes back into a fresh catalogue.
        let reopened = try LocalRecordStore(path: dir.appendingPathComponent("local.log").path, agency: "710100")
        let fresh = Catalogue(records: CatalogueTests.common)
        try fresh.addLocalRecords(from: reopened)
        #expect(try fresh.search("ti = baggårde", options: .init(viewer: "710100")).total == 1)
        try fresh.deleteLocalRecord(key, in: reopened)
        #expect(try fresh.search("ti = baggårde", options: .init(viewer: "710100")).total == 0)
        #expect(reopened.count == 0)
    }
}
