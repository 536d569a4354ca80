import MARC
import Testing

@testable import Catalog

struct RecordLayersTests {
    let common = danmarc([
        f("001", "a", "12345678", "b", "870970", "c", "20240101000000"), f("004", "r", "n", "a", "e"),
        f("245", "a", "Fælles titel"), f("504", "a", "Fælles note"), f("d08", "o", "dbc"),
    ])
    let enrichment = danmarc([
        f("001", "a", "12345678", "b", "710100", "c", "20250101000000"), f("504", "a", "Lokal note"), f("y08", "a", "lokal"),
    ])
    let local = danmarc([f("001", "a", "87654321", "b", "710100"), f("004", "r", "n", "a", "e"), f("245", "a", "Kun lokalt")])
    let school = danmarc([f("001", "a", "12345678", "b", "300000"), f("652", "m", "sk")])

    @Test("each agency sees its own merged view")
    func views() {
        let layers = RecordLayers(records: [common, enrichment, local, school])
        #expect(layers.count == 4)
        let own = layers.mergedRecord(id: "12345678", for: "710100")
        #expect(own?.fields("504").map { $0["a"] } == ["Fælles note", "Lokal note"])
        #expect(own?.fields("y08").count == 1)
        #expect(own?.fields("d08").isEmpty == true)
        #expect(own?.agency == "710100")
        #expect(layers.enrichmentTrail(id: "12345678", for: "710100") == ["870970", "710100"])

        let other = layers.mergedRecord(id: "12345678", for: "715700")
        #expect(other == common)
        #expect(layers.enrichmentTrail(id: "1 234 567 8", for: nil) == ["870970"])

        // A school library without its own layer sees the 300000 layer merged onto the common record.
        let schoolView = layers.mergedRecord(id: "12345678", for: "330101")
        #expect(layers.enrichmentTrail(id: "12345678", for: "330101") == ["870970", "300000"])
        #expect(schoolView?.fields("652").map { $0["m"] } == ["sk"])
        #expect(schoolView?.fields("245").isEmpty == true)  // the classification group was replaced

        // A local record is returned as it is, only to its owner.
        #expect(layers.mergedRecord(id: "87654321", for: "710100") == local)
        #expect(layers.mergedRecord(id: "87654321", for: "715700") == nil)
        #expect(layers.mergedRecord(id: "99999999", for: "710100") == nil)
    }

    @Test("changing an enrichment changes the view")
    func updates() {
        var layers = RecordLayers(records: [common])
        #expect(layers.mergedRecord(id: "12345678", for: "710100") == common)
        layers.insert(enrichment)
        #expect(layers.mergedRecord(id: "12345678", for: "710100")?.fields("504").count == 2)
        layers.remove(RecordKey(id: "12345678", agency: "710100"))
        #expect(layers.mergedRecord(id: "12345678", for: "710100") == common)
    }
}
