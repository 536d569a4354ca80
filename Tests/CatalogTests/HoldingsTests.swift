import Foundation
import KartotekTestSupport
import MARC
import Testing

@testable import Catalog

struct HoldingsLoaderTests {
    @Test("danMARC2 096: agency, branch, shelf mark, copies, *r and *u")
    func danmarc096() {
        let record = danmarc([
            f("001", "a", "2 952 624 9", "b", "710100"),
            f("096", "z", "710100", "f", "Hovedbiblioteket", "l", "Voksen", "a", "86.4", "b", "Kie", "x", "5010001", "x", "5010002"),
            f("096", "z", "710104", "f", "Filial Nord", "a", "86.4", "r", "e"),
            f("096", "z", "820030", "u", "Udlånes ikke"),
            f("096", "f", "Magasin", "u", "Bortkommet"),
        ])
        let items = HoldingsItem.fromDanMARC2(record)
        #expect(items.count == 5)
        #expect(items[0] == HoldingsItem(
            agency: "710100", recordId: "29526249", branch: "Hovedbiblioteket", department: "Voksen", location: "86.4",
            sublocation: "Kie", itemId: "5010001"))
        #expect(items[1].itemId == "5010002")
        #expect(items[2].agency == "710104" && items[2].status == .onOrder && items[2].loanRestriction == "e")
        #expect(items[2].itemId == "29526249-096-2")
        #expect(items[3].agency == "820030" && items[3].status == .onShelf && items[3].loanRestriction == "a")
        #expect(items[4].agency == "710100" && items[4].status == .lost)
    }

    @Test("danMARC2 096 in real data: the 74 Sirsi records each hold one copy at 820030")
    func danmarc096Real() throws {
        let path = TestSupport.corpora.appendingPathComponent("danmarc2/dataio__test-records-74-danmarc2.iso").path
        var reader = try ISO2709Reader(path: path, options: ReadOptions(lenient: true, encoding: .danmarc2))
        let records = try reader.readAll()
        #expect(records.count == 74)
        let items = records.flatMap { HoldingsItem.fromDanMARC2($0) }
        #expect(items.count == 74)
        #expect(items.allSatisfy { $0.agency == "820030" && $0.loanRestriction == "a" && $0.isAvailable })
        let store = HoldingsStore(items: items)
        #expect(store.snapshot().itemCount == 74)
    }

    @Test("MARC21 852/876: locations, items, status, $8 links")
    func marc21() {
        let record = MARCRecord(fields: [
            Field(tag: "001", value: "ocm123"),
            Field(tag: "003", value: "DK-710100"),
            Field(tag: "245", indicators: ("1", "0"), subfields: [Subfield("a", "Enten - eller")]),
            Field(tag: "852", indicators: ("0", " "), subfields: [
                Subfield("8", "1"), Subfield("a", "DK-710100"), Subfield("b", "Hovedbiblioteket"), Subfield("c", "Magasin"),
                Subfield("h", "10.4"), Subfield("i", "Kie"),
            ]),
            Field(tag: "852", indicators: ("0", " "), subfields: [Subfield("8", "2"), Subfield("b", "Filial")]),
            Field(tag: "876", indicators: (" ", " "), subfields: [Subfield("8", "1.1"), Subfield("p", "B1"), Subfield("j", "available")]),
            Field(tag: "876", indicators: (" ", " "), subfields: [Subfield("8", "2.1"), Subfield("a", "I7"), Subfield("j", "checked out")]),
            Field(tag: "876", indicators: (" ", " "), subfields: [Subfield("8", "1.2"), Subfield("p", "B2"), Subfield("j", "lost"), Subfield("h", "a")]),
        ])
        let items = HoldingsItem.fromMARC21(record)
        #expect(items.map(\.itemId) == ["B1", "B2", "I7"])
        #expect(items[0].agency == "DK-710100" && items[0].branch == "Hovedbiblioteket" && items[0].location == "Magasin")
        #expect(items[0].sublocation == "10.4 Kie" && items[0].status == .onShelf)
        #expect(items[1].status == .lost && items[1].loanRestriction == "a")
        #expect(items[2].agency == "DK-710100" && items[2].branch == "Filial" && items[2].status == .onLoan)

        // An 852 without 876: one item; no 852: none.
        let bare = MARCRecord(fields: [
            Field(tag: "001", value: "x1"),
            Field(tag: "852", indicators: (" ", " "), subfields: [Subfield("a", "DK-1"), Subfield("p", "BC9")]),
        ])
        #expect(HoldingsItem.fromMARC21(bare).map(\.itemId) == ["BC9"])
        #expect(HoldingsItem.fromMARC21(MARCRecord(fields: [Field(tag: "001", value: "x2")])).isEmpty)
    }

    static let jsonl = """
        {"agency":"710100","recordId":"29526249","branch":"Hovedbiblioteket","department":"Voksen","location":"Skønlitteratur","sublocation":"","itemId":"5010001","status":"onShelf"}

        {"agency":"710100","recordId":"2 952 624 9","branch":"Filial","itemId":"5010002","status":"OnLoan","loanRestriction":"b"}
        {"agency":"710100","recordId":"29526249","itemId":"5010003","status":"shelf"}
        {"agency":"710100","itemId":"5010004"}
        not json
        {"agency":"710100","recordId":"29526249","itemId":"5010005"}\r
        """

    @Test("JSON Lines: strict stops at the first bad line with its number")
    func jsonLinesStrict() {
        do {
            _ = try HoldingsItem.parseJSONLines(Array(Self.jsonl.utf8), file: "h.jsonl")
            Issue.record("a bad line was accepted")
        } catch {
            #expect(error.kind == .invalidHoldings)
            #expect(error.line == 4)
            #expect(error.description.hasPrefix("h.jsonl: line 4"))
            #expect(error.message.contains("\"status\" must be one of"))
        }
    }

    @Test("JSON Lines: lenient skips and reports each bad line")
    func jsonLinesLenient() throws {
        let (items, skipped) = try HoldingsItem.parseJSONLines(Array(Self.jsonl.utf8), file: "h.jsonl", lenient: true)
        #expect(items.map(\.itemId) == ["5010001", "5010002", "5010005"])
        #expect(items[1].recordId == "29526249" && items[1].status == .onLoan && items[1].loanRestriction == "b")
        #expect(items[2].status == .onShelf)
        #expect(skipped.map(\.line) == [4, 5, 6])
        #expect(skipped[1].message.contains("\"recordId\" is missing"))
        #expect(skipped[2].message.contains("invalid JSON"))
    }

    @Test("JSON Lines: a line written by jsonLine reads back")
    func jsonLinesRoundTrip() throws {
        let item = HoldingsItem(
            agency: "710100", recordId: "1", branch: "B \"x\"", department: "D", location: "L", sublocation: "S",
            itemId: "I", status: .ordered, loanRestriction: "ab")
        let (items, _) = try HoldingsItem.parseJSONLines(Array(item.jsonLine.utf8))
        #expect(items == [item])
        let dir = try TestSupport.temporaryDirectory()
        let path = dir.appendingPathComponent("h.jsonl").path
        try (item.jsonLine + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try HoldingsItem.readJSONLines(path: path).items == [item])
    }
}

/// A generated cooperation of 20 school libraries (agencies 330101…330120, two branches each) holding 200 records.
struct SchoolCooperation {
    let agencies = (1...20).map { String(330100 + $0) }
    let recordIds = faustNumbers(200, from: 8_000_000)
    let items: [HoldingsItem]

    init() {
        var items: [HoldingsItem] = []
        for (a, agency) in agencies.enumerated() {
            for (r, recordId) in recordIds.enumerated() where (r + a) % 4 == 0 {
                // Record r is held by every fourth library; copies = 1 + (r % 3); the first copy is on loan when r is even.
                for copy in 0...(r % 3) {
                    items.append(
                        HoldingsItem(
                            agency: agency, recordId: recordId, branch: copy == 2 ? "Afdeling B" : "Afdeling A",
                            department: "Børn", location: "Skønlitteratur", itemId: "\(agency)-\(r)-\(copy)",
                            status: copy == 0 && r % 2 == 0 ? .onLoan : .onShelf))
                }
            }
        }
        self.items = items
    }
}

struct HoldingsQueryTests {
    let coop = SchoolCooperation()

    @Test("counts per agency and per branch over a cooperation of 20 school libraries")
    func cooperationCounts() {
        let holdings = HoldingsStore(items: coop.items).snapshot()
        #expect(holdings.agencies.count == 20)
        let all = Set(coop.agencies)
        for (r, recordId) in coop.recordIds.enumerated() {
            let holders = coop.agencies.enumerated().filter { (r + $0.offset) % 4 == 0 }.map(\.element)
            let copies = 1 + r % 3
            let onShelf = copies - (r % 2 == 0 ? 1 : 0)
            let summary = holdings.summary(forRecord: recordId, filter: HoldingsFilter(agencies: all))
            #expect(summary.overall == HoldingsCount(total: holders.count * copies, available: holders.count * onShelf))
            #expect(Set(summary.byAgency.keys) == Set(holders))
            for agency in holders {
                #expect(summary.byAgency[agency] == HoldingsCount(total: copies, available: onShelf))
                #expect(summary.byBranch[agency]?["Afdeling A"]?.total == min(copies, 2))
            }
            #expect(holdings.isAvailable(recordId: recordId, agencies: all) == (onShelf > 0))
        }
    }

    @Test("restricting to some agencies, to branches and to items on the shelf")
    func restrictions() {
        let holdings = HoldingsStore(items: coop.items).snapshot()
        let two: Set<String> = ["330101", "330102"]
        // Record 3 (r = 3) is held by agency index 1 (330102) only among these two: (3 + 1) % 4 == 0.
        let id3 = coop.recordIds[3]
        #expect(holdings.summary(forRecord: id3, filter: HoldingsFilter(agencies: two)).overall == HoldingsCount(total: 1, available: 1))
        #expect(holdings.summary(forRecord: id3, filter: HoldingsFilter(agencies: ["330101"])).overall.total == 0)
        #expect(holdings.isAvailable(recordId: id3, agencies: ["330102"]))
        #expect(!holdings.isAvailable(recordId: id3, agencies: ["330101"]))
        // Record 0 has one copy per holder, always on loan: nowhere available.
        let id0 = coop.recordIds[0]
        #expect(!holdings.isAvailable(recordId: id0))
        #expect(holdings.items(forRecord: id0, filter: HoldingsFilter(availableOnly: true)).isEmpty)
        // Branch filter: only record ids with copies ≥ 3 (r % 3 == 2) have "Afdeling B".
        let branchB = holdings.recordIds(matching: HoldingsFilter(branches: ["Afdeling B"]))
        #expect(branchB == Set(coop.recordIds.enumerated().filter { $0.offset % 3 == 2 }.map(\.element)))
        // Record ids available within two agencies.
        let available = holdings.recordIds(matching: HoldingsFilter(agencies: two, availableOnly: true))
        let expected = coop.recordIds.enumerated().filter { r, _ in
            let held = [0, 1].contains { (r + $0) % 4 == 0 }
            return held && (1 + r % 3) - (r % 2 == 0 ? 1 : 0) > 0
        }.map(\.element)
        #expect(available == Set(expected))
    }

    @Test("item-by-item updates; snapshots taken earlier do not change")
    func updates() throws {
        let store = HoldingsStore(items: coop.items)
        let before = store.snapshot()
        let item = coop.items[0]
        try store.setStatus(.onLoan, agency: item.agency, itemId: item.itemId)
        try store.add(HoldingsItem(agency: item.agency, recordId: item.recordId, itemId: "new-1", status: .ordered))
        #expect(throws: CatalogError.self) { try store.add(HoldingsItem(agency: item.agency, recordId: "x", itemId: "new-1")) }
        let removed = try store.remove(agency: coop.items[1].agency, itemId: coop.items[1].itemId)
        #expect(removed == coop.items[1])
        #expect(throws: CatalogError.self) { try store.remove(agency: "nope", itemId: "nope") }
        #expect(throws: CatalogError.self) { try store.setStatus(.lost, agency: "nope", itemId: "nope") }
        var moved = coop.items[2]
        moved.branch = "Afdeling C"
        try store.update(moved)

        let after = store.snapshot()
        #expect(before.item(agency: item.agency, itemId: item.itemId)?.status == item.status)
        #expect(after.item(agency: item.agency, itemId: item.itemId)?.status == .onLoan)
        #expect(before.itemCount == coop.items.count)
        #expect(after.itemCount == coop.items.count)
        #expect(after.item(agency: coop.items[1].agency, itemId: coop.items[1].itemId) == nil)
        #expect(after.item(agency: moved.agency, itemId: moved.itemId)?.branch == "Afdeling C")
        #expect(after.version > before.version)
        #expect(after.items(forRecord: item.recordId).contains { $0.itemId == "new-1" })
    }

    @Test("readers on other threads see whole snapshots while a writer changes statuses")
    func concurrentReaders() {
        let store = HoldingsStore(items: coop.items)
        let total = coop.items.count
        let recordId = coop.items[0].recordId
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            if worker == 0 {
                for (n, item) in coop.items.prefix(300).enumerated() {
                    try? store.setStatus(n % 2 == 0 ? .onLoan : .onShelf, agency: item.agency, itemId: item.itemId)
                }
            } else {
                for _ in 0..<200 {
                    let snapshot = store.snapshot()
                    #expect(snapshot.itemCount == total)
                    let s = snapshot.summary(forRecord: recordId)
                    #expect(s.overall.available <= s.overall.total)
                }
            }
        }
    }
}

struct HoldingsSnapshotIsolationTests {
    @Test("many snapshots interleaved with changes each keep their own contents")
    func interleaved() throws {
        let store = HoldingsStore()
        var snapshots: [HoldingsSnapshot] = []
        for i in 0..<500 {
            try store.add(HoldingsItem(agency: String(330100 + i % 20), recordId: String(i % 37), itemId: "i\(i)"))
            if i % 3 == 0 { try store.setStatus(.onLoan, agency: String(330100 + i % 20), itemId: "i\(i)") }
            if i % 50 == 49 { snapshots.append(store.snapshot()) }
        }
        for (n, snapshot) in snapshots.enumerated() {
            let added = (n + 1) * 50
            #expect(snapshot.itemCount == added)
            var total = 0
            var available = 0
            for r in 0..<37 {
                let s = snapshot.summary(forRecord: String(r))
                total += s.overall.total
                available += s.overall.available
            }
            #expect(total == added)
            #expect(available == (0..<added).filter { $0 % 3 != 0 }.count)
        }
        for i in stride(from: 0, to: 500, by: 2) { try store.remove(agency: String(330100 + i % 20), itemId: "i\(i)") }
        #expect(store.snapshot().itemCount == 250)
        #expect(snapshots.last?.itemCount == 500)
        #expect(store.snapshot().agencies.count == 10)
        #expect(snapshots.last?.agencies.count == 20)
    }
}
