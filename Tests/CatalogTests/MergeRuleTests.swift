import MARC
import Testing

@testable import Catalog

/// Builds a danMARC2 data field: `f("245", "a", "Title", "c", "subtitle")`.
func f(_ tag: MARC.Tag, _ pairs: String...) -> Field {
    var subfields: [Subfield] = []
    var i = 0
    while i + 1 < pairs.count {
        subfields.append(Subfield(pairs[i].unicodeScalars.first ?? "a", pairs[i + 1]))
        i += 2
    }
    return Field(tag: tag, indicators: Indicators("0", "0"), subfields: subfields)
}

/// A danMARC2 record with a DBC leader.
func danmarc(_ fields: [Field]) -> MARCRecord {
    MARCRecord(leader: Leader(ascii: "00000n    2200000   4500"), fields: fields)
}

func tags(_ record: MARCRecord) -> [String] { record.fields.map(\.tag.description) }

/// One test per rule of DBC's default rule set, on hand-built records.
struct MergeRuleTests {
    let merger = EnrichmentMerger()
    let common = danmarc([
        f("001", "a", "12345678", "b", "870970", "c", "20240101120000", "f", "a"),
        f("004", "r", "n", "a", "e"),
        f("008", "t", "m", "a", "2019"),
        f("009", "a", "a", "g", "xx"),
        f("010", "a", "DBC link"),
        f("020", "a", "870970 link"),
        f("021", "e", "9788702284791"),
        f("100", "a", "Kierkegaard", "h", "Søren"),
        f("245", "a", "Enten - eller", "c", "et livs-fragment"),
        f("260", "b", "Gyldendal", "c", "2019"),
        f("300", "a", "812 sider"),
        f("504", "a", "Common note"),
        f("652", "m", "10.4"),
        f("666", "f", "filosofi"),
        f("996", "a", "DBC"),
        f("d08", "o", "abc"),
        f("s10", "a", "DBC"),
    ])

    func enrichment(_ fields: [Field], agency: String = "710100") -> MARCRecord {
        danmarc([f("001", "a", "12345678", "b", agency, "c", "20250202080000", "f", "a")] + fields)
    }

    @Test("001 is overwritten alone: the merged record carries the enrichment's 001 *b")
    func overwrite001() {
        let merged = merger.merge(common: common, enrichment: enrichment([]), requester: nil)
        #expect(merged.fields("001").count == 1)
        #expect(merged.agency == "710100")
        #expect(merged["004"] == common["004"])
    }

    @Test("001 *c takes the later time stamp, whichever layer has it")
    func laterTimestamp() {
        let later = merger.merge(common: common, enrichment: enrichment([]), requester: nil)
        #expect(later["001"]?["c"] == "20250202080000")
        var oldEnrichment = enrichment([])
        oldEnrichment.fields[0] = f("001", "a", "12345678", "b", "710100", "c", "20200101000000")
        let earlier = merger.merge(common: common, enrichment: oldEnrichment, requester: nil)
        #expect(earlier["001"]?["c"] == "20240101120000")
        #expect(earlier["001"]?["b"] == "710100")
    }

    @Test("004 and 300 are each overwritten alone")
    func singleTagGroups() {
        let merged = merger.merge(
            common: common, enrichment: enrichment([f("004", "r", "c", "a", "e"), f("300", "a", "2 bind")]),
            requester: nil)
        #expect(merged.fields("004").map { $0["r"] } == ["c"])
        #expect(merged.fields("300").map { $0["a"] } == ["2 bind"])
        // The classification group is untouched.
        #expect(merged["245"] == common["245"])
        #expect(merged["652"] == common["652"])
    }

    @Test("one classification field replaces all ten classification tags of the common record")
    func classificationGroup() {
        let merged = merger.merge(common: common, enrichment: enrichment([f("652", "m", "99.4")]), requester: nil)
        for tag: MARC.Tag in ["008", "009", "038", "039", "100", "110", "239", "245", "654"] {
            #expect(merged.fields(tag).isEmpty, "\(tag) should be gone")
        }
        #expect(merged.fields("652").map { $0["m"] } == ["99.4"])
        // Other fields are kept.
        #expect(merged["260"] == common["260"])
        #expect(merged["021"] == common["021"])
    }

    @Test("a full classification block in the enrichment replaces the common one field for field")
    func classificationBlock() {
        let merged = merger.merge(
            common: common,
            enrichment: enrichment([
                f("008", "t", "m", "a", "2019"), f("100", "a", "Kierkegård", "h", "Søren"),
                f("245", "a", "Enten-eller"), f("652", "o", "sk"),
            ]), requester: nil)
        #expect(merged.fields("100").map { $0["a"] } == ["Kierkegård"])
        #expect(merged.fields("245").map { $0["a"] } == ["Enten-eller"])
        #expect(merged.fields("009").isEmpty)
    }

    @Test("010 020 990 991 996 are immutable: the enrichment's copies are dropped")
    func immutable() {
        let merged = merger.merge(
            common: common,
            enrichment: enrichment([
                f("010", "a", "x"), f("020", "a", "x"), f("990", "o", "x"), f("991", "o", "x"), f("996", "a", "710100"),
            ]), requester: nil)
        #expect(merged.fields("010") == common.fields("010"))
        #expect(merged.fields("020") == common.fields("020"))
        #expect(merged.fields("990").isEmpty)
        #expect(merged.fields("991").isEmpty)
        #expect(merged.fields("996") == common.fields("996"))
    }

    @Test("other fields are appended, common first within the tag")
    func append() {
        let merged = merger.merge(
            common: common, enrichment: enrichment([f("504", "a", "Local note"), f("666", "f", "eksistentialisme")]),
            requester: nil)
        #expect(merged.fields("504").map { $0["a"] } == ["Common note", "Local note"])
        #expect(merged.fields("666").map { $0["f"] } == ["filosofi", "eksistentialisme"])
    }

    @Test("the result is sorted by tag, with letter tags after digits")
    func sorted() {
        let unsorted = danmarc([f("245", "a", "B"), f("001", "a", "1", "b", "870970"), f("d08", "o", "x"), f("100", "a", "A")])
        let enrichment = danmarc([f("504", "a", "n"), f("001", "a", "1", "b", "710100"), f("z99", "a", "y")])
        let merged = merger.merge(common: unsorted, enrichment: enrichment, requester: "710100")
        #expect(tags(merged) == ["001", "100", "245", "504", "z99"])
    }

    @Test("letter-tag fields come only from the requester's own layer")
    func letterTags() {
        let e = enrichment([f("d08", "o", "local"), f("y08", "a", "recategorised")])
        let asOther = merger.merge(common: common, enrichment: e, requester: "999999")
        #expect(asOther.fields.filter { !$0.tag.isNumeric }.isEmpty)
        let asNone = merger.merge(common: common, enrichment: e, requester: nil)
        #expect(asNone.fields.filter { !$0.tag.isNumeric }.isEmpty)
        let asOwner = merger.merge(common: common, enrichment: e, requester: "710100")
        // The common layer's letter tags (d08 o abc, s10) are never kept; the requester's are.
        #expect(asOwner.fields("d08").map { $0["o"] } == ["local"])
        #expect(asOwner.fields("s10").isEmpty)
        #expect(asOwner.fields("y08").count == 1)
    }

    @Test("invalid tags are dropped from both layers")
    func invalidTags() {
        var rules = MergeRules.danMARC2
        rules.invalid = ["504"]
        let merged = EnrichmentMerger(rules: rules).merge(
            common: common, enrichment: enrichment([f("504", "a", "Local note")]), requester: "710100")
        #expect(merged.fields("504").isEmpty)
    }

    @Test("an immutable enrichment field does not trigger its overwrite group")
    func immutableDoesNotRegister() {
        var rules = MergeRules.danMARC2
        rules.immutable.insert("245")
        let merged = EnrichmentMerger(rules: rules).merge(
            common: common, enrichment: enrichment([f("245", "a", "Other")]), requester: nil)
        #expect(merged.fields("245") == common.fields("245"))
        #expect(merged.fields("100") == common.fields("100"))
    }

    @Test("USE_PARENT_AGENCY keeps the common record's 001 (with the later *c)")
    func useParentAgency() {
        let merged = EnrichmentMerger(rules: .useParentAgency).merge(
            common: common, enrichment: enrichment([f("504", "a", "n")]), requester: nil)
        #expect(merged.agency == Agency.common)
        #expect(merged.fields("001").count == 1)
        // The update time still takes the later of the two layers.
        #expect(merged["001"]?["c"] == "20250202080000")
    }

    @Test("the leader comes from the common record")
    func leaderFromCommon() {
        var e = enrichment([])
        e.leader = Leader(ascii: "99999x    2200000   4500")
        #expect(merger.merge(common: common, enrichment: e, requester: nil).leader == common.leader)
    }

    @Test("a chain common ⊕ 191919 ⊕ library keeps only the requester's letter tags")
    func chain() {
        let dbc = enrichment([f("d09", "z", "REX201636"), f("652", "m", "10.45")], agency: Agency.dbcEnrichment)
        let library = enrichment([f("y08", "a", "note")], agency: "710100")
        let merged = merger.merge(layers: [common, dbc, library], requester: "710100")
        #expect(merged?.fields("d09").isEmpty == true)
        #expect(merged?.fields("y08").count == 1)
        #expect(merged?.fields("652").map { $0["m"] } == ["10.45"])
        #expect(merged?.agency == "710100")
        #expect(merger.merge(layers: [], requester: nil) == nil)
    }
}
