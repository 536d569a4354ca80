import Testing
import TextAnalysis

/// Real Danish titles and names in Danish filing order (æ ø å after z, ä/ö/ü as æ/ø/y, aa as å, numbers first
/// by value, word by word, non-filing part skipped).
let filingOrder: [String] = [
    "2 x 2",
    "10 små cyklister",
    "1864",
    "Abe",
    "Andersen, H.C.",
    "Bang, Herman",
    "Blixen, Karen",
    "Brandes, Georg",
    "Grundtvig, N.F.S.",
    "Holberg, Ludvig",
    "Jensen, Johannes V.",
    "Kierkegaard, Søren",
    "Den ¤lille prins",
    "Lillebror",
    "Mogensen",
    "Müller",
    "Nexø, Martin Andersen",
    "Ny tid",
    "Nyborg",
    "Pontoppidan, Henrik",
    "[Uden titel]",
    "Zahle",
    "Ärlig talt",
    "Ærø",
    "Ödön",
    "Ørsted, H.C.",
    "Aakjær, Jeppe",
    "Ålborg",
    "Århus",
]

/// (earlier, later) pairs in filing order.
let filingPairs: [(String, String)] = [
    ("Zebra", "Ærø"), ("Ærø", "Øster"), ("Øster", "Åben"), ("Zebra", "Aalborg"), ("Yggdrasil", "Zebra"),
    ("Den lille", "Denmark"), ("Mærchen", "Märchen"), ("Myller", "Müller"), ("Cote", "Côte"),
    ("Brønd", "Brönd"), ("Ørsted", "Ålborg"), ("9 dage", "10 dage"), ("Christian 4.", "Christian 10."),
    ("Hamlet", "Hamletmaskinen"), ("Ib", "Ibsen"), ("Ödön", "Ørsted"), ("Thomsen", "Þórr"),
    ("Det gode liv", "Det ¤forsømte forår"), ("The ¤Hobbit", "Ibsen"), ("Bang", "bang"),
]

@Suite("Sort keys")
struct SortKeyTests {
    let analyzer = DanishAnalyzer()

    @Test func danishFilingOrder() {
        let shuffled = filingOrder.reversed() + []
        let sorted = shuffled.sorted { analyzer.sortKey($0, level: .tertiary).lexicographicallyPrecedes(analyzer.sortKey($1, level: .tertiary)) }
        #expect(sorted == filingOrder)
        let sortedSecondary = shuffled.sorted { analyzer.sortKey($0).lexicographicallyPrecedes(analyzer.sortKey($1)) }
        #expect(sortedSecondary == filingOrder)
    }

    @Test("Files before", arguments: filingPairs)
    func filesBefore(_ pair: (String, String)) {
        let a = analyzer.sortKey(pair.0, level: .tertiary)
        let b = analyzer.sortKey(pair.1, level: .tertiary)
        #expect(a.lexicographicallyPrecedes(b))
        #expect(!b.lexicographicallyPrecedes(a))
    }

    @Test func denLillePrinsFilesUnderL() {
        #expect(DanishAnalyzer.filingPart("Den ¤lille prins") == "lille prins")
        #expect(analyzer.sortKey("Den ¤lille prins") == analyzer.sortKey("lille prins"))
        #expect(analyzer.sortKey("Den ¤lille prins").first == UInt8(ascii: "l"))
        #expect(analyzer.sortKey("Den ¤lille prins").lexicographicallyPrecedes(analyzer.sortKey("Mio, min Mio")))
        #expect(analyzer.sortKey("Kattens").lexicographicallyPrecedes(analyzer.sortKey("Den ¤lille prins")))
    }

    @Test func marc21NonFilingCount() {
        #expect(DanishAnalyzer.filingPart("The Hobbit", nonFilingCount: 4) == "Hobbit")
        #expect(analyzer.sortKey("The Hobbit", nonFilingCount: 4) == analyzer.sortKey("Hobbit"))
        #expect(analyzer.sortKey("Le petit prince", nonFilingCount: 3) == analyzer.sortKey("petit prince"))
        #expect(analyzer.sortKey("Hobbit", nonFilingCount: 99).isEmpty)
    }

    @Test func bracketsAndMarkersAreIgnored() {
        #expect(analyzer.sortKey("[Uden titel]") == analyzer.sortKey("Uden titel"))
        #expect(analyzer.sortKey("fusion af \\soul\\") == analyzer.sortKey("fusion af soul"))
    }

    @Test func primaryLevelIgnoresAccentsAndCase() {
        #expect(analyzer.sortKey("Märchen", level: .primary) == analyzer.sortKey("MÆRCHEN", level: .primary))
        #expect(analyzer.sortKey("Aalborg", level: .primary) == analyzer.sortKey("Ålborg", level: .primary))
        #expect(analyzer.sortKey("Rafael", level: .primary) != analyzer.sortKey("Rafæl", level: .primary))
        #expect(analyzer.sortKey("Ærø", level: .primary) == [0x7B, 0x72, 0x7C])
        #expect(analyzer.sortKey("å", level: .primary) == [0x7D])
    }

    @Test func foldAEOEDoesNotReachSortKeys() {
        let query = DanishAnalyzer(options: .init(foldAEOE: true))
        #expect(query.sortKey("Rafael") == analyzer.sortKey("Rafael"))
    }
}
