import Testing
@testable import TextAnalysis

/// Pairs that must normalise to the same string with the default options (index = query).
let defaultEquivalents: [(String, String)] = [
    ("Aalborg", "Ålborg"), ("AALBORG", "ålborg"), ("Aarhus", "Århus"), ("Aabenraa", "Åbenrå"),
    ("Kierkegaard", "Kierkegård"), ("Søren Kierkegaard", "SØREN KIERKEGÅRD"), ("Märchen", "Mærchen"),
    ("Brönd", "Brønd"), ("Müller", "Myller"), ("Björk", "Bjørk"), ("Göteborg", "Gøteborg"), ("café", "cafe"),
    ("Señor", "senor"), ("Dvořák", "Dvorak"), ("Łódź", "Lodz"), ("Þór", "Thor"), ("Œdipus", "Oedipus"),
    ("Straße", "Strasse"), ("Ꜳrhus", "Århus"), ("Ꜳrhus", "Aarhus"), ("A\u{30A}rhus", "Århus"),
    ("\u{FB01}sk", "fisk"), ("Ｒａｆａｅｌ", "Rafael"), ("Guðrún", "Gudrun"), ("São Paulo", "Sao Paulo"),
    ("Zürich", "Zyrich"), ("Ångström", "Ångstrøm"), ("Brontë", "Bronte"), ("Renée", "Renee"),
    ("Gödel", "Gødel"), ("Åse", "Aase"), ("Kjærlighed", "KJÆRLIGHED"), ("Ærø", "ÆRØ"), ("Øresund", "ØRESUND"),
    ("Strandbygꜳrd", "Strandbygaard"), ("Blꜳbjerg", "Blåbjerg"), ("Île-de-France", "ile-de-france"),
    ("naïve", "naive"), ("Ærø", "Ärö"), ("Jökull", "Jøkull"), ("Ødegaard", "Ødegård"), ("Aakjær", "Åkjær"),
    ("Kristiansaand", "Kristiansånd"), ("Saabye", "Såbye"), ("Aaron", "Åron"), ("Kirkegaard", "Kirkegård"),
    ("Ærø\u{301}", "Ærø"), ("Dybbøl", "DYBBØL"), ("Ḱnud", "Knud"), ("İstanbul", "Istanbul"),
    ("Ångermanälven", "Ångermanælven"), ("Håkon", "Haakon"), ("Ørsted", "\u{D8}rsted"),
    ("Fa\u{308}rdig", "Færdig"), ("O\u{308}resund", "Øresund"), ("Sæby", "SÆBY"), ("Ærøskøbing", "ærøskøbing"),
]

/// Pairs that must stay different with the default options.
let defaultDistinct: [(String, String)] = [
    ("Rafael", "Rafæl"), ("poesi", "pøsi"), ("Israel", "Isræl"), ("Goethe", "Gøthe"), ("Michael", "Michæl"),
    ("Blåbærgrød", "Blaabaergroed"), ("Brønd", "Brond"), ("Ærø", "Aero"), ("Åse", "Ase"), ("Søren", "Soren"),
    ("Kierkegaard", "Kierkegard"), ("kaos", "kås"), ("zoo", "zø"), ("æble", "able"), ("øl", "ol"),
    ("Ålborg", "Alborg"), ("Møller", "Moller"), ("Hæren", "Haren"), ("Brünnich", "Brunnich"),
]

/// Pairs equal only with the query-time ae→æ, oe→ø option.
let aeoeEquivalents: [(String, String)] = [
    ("Blåbærgrød", "Blaabaergroed"), ("Kjøbenhavn", "Kjoebenhavn"), ("Ærø", "Aeroe"), ("Søren", "Soeren"),
    ("Mærsk", "Maersk"), ("räksmörgås", "raeksmoergaas"), ("Bjørn", "Bjoern"), ("Grønland", "Groenland"),
    ("Æbler", "Aebler"), ("Jørgen", "Joergen"), ("Rafael", "Rafæl"),
]

/// Exact normalised forms (default options).
let normalizedForms: [(String, String)] = [
    ("Aalborg", "ålborg"), ("Søren Kierkegaard", "søren kierkegård"), ("Märchen", "mærchen"), ("Brönd", "brønd"),
    ("Müller", "myller"), ("Þórr", "thorr"), ("Œuvres complètes", "oeuvres completes"), ("Straße", "strasse"),
    ("Blåbærgrød", "blåbærgrød"), ("Rafael", "rafael"), ("poesi", "poesi"), ("Den ¤lille prins", "den lille prins"),
    ("[Digte]", "digte"), ("H.C. Andersen", "h.c. andersen"), ("Ὀδύσσεια", "οδυσσεια"), ("Ёлка", "елка"),
    ("ekstraarbejde", "ekstrårbejde"), ("aaa", "åa"), ("Ꜳrhus", "århus"), ("Æbleskiver", "æbleskiver"),
    ("ØSTERBRO", "østerbro"), ("Ðorđe", "dorde"), ("Halldór Laxness", "halldor laxness"), ("Dürrenmatt", "dyrrenmatt"),
    ("Ångström", "ångstrøm"), ("Hölderlin", "hølderlin"), ("Ærø", "ærø"), ("Ǿ", "ø"), ("Ǻ", "å"), ("Ǽ", "æ"),
    ("Erdős", "erdøs"), ("Façade", "facade"), ("1864", "1864"), ("C++", "c++"), ("", ""),
    ("fusion af \\soul\\", "fusion af soul"), ("Kirke\u{AD}gaard", "kirkegård"), ("Brüel & Kjær", "bryel & kjær"),
]

@Suite("Normalisation")
struct NormalizationTests {
    let analyzer = DanishAnalyzer()

    @Test("Equal after normalisation", arguments: defaultEquivalents)
    func equivalent(_ pair: (String, String)) {
        #expect(analyzer.normalize(pair.0) == analyzer.normalize(pair.1))
        #expect(analyzer.tokens(pair.0) == analyzer.tokens(pair.1))
    }

    @Test("Different after normalisation", arguments: defaultDistinct)
    func distinct(_ pair: (String, String)) {
        #expect(analyzer.normalize(pair.0) != analyzer.normalize(pair.1))
    }

    @Test("Equal with foldAEOE", arguments: aeoeEquivalents)
    func aeoe(_ pair: (String, String)) {
        let query = DanishAnalyzer(options: .init(foldAEOE: true))
        #expect(query.normalize(pair.0) == query.normalize(pair.1))
    }

    @Test("Exact normalised form", arguments: normalizedForms)
    func exact(_ pair: (String, String)) {
        #expect(analyzer.normalize(pair.0) == pair.1)
    }

    @Test func rafaelIsNotFoldedByDefault() {
        #expect(analyzer.normalize("Rafael") == "rafael")
        #expect(analyzer.tokens("Rafael og Israel") == ["rafael", "og", "israel"])
        #expect(DanishAnalyzer(options: .init(foldAEOE: true)).normalize("Rafael") == "rafæl")
    }

    @Test func blaabaergrodWithoutTheEIsNotBlåbærgrød() {
        // "ø" written as plain "o" is a different letter: no option folds ø to o.
        let query = DanishAnalyzer(options: .init(foldAEOE: true))
        #expect(query.normalize("Blaabaergrod") == "blåbærgrod")
        #expect(query.normalize("Blaabaergrod") != query.normalize("Blåbærgrød"))
    }

    @Test func aaFoldingCanBeSwitchedOff() {
        let strict = DanishAnalyzer(options: .init(foldAA: false))
        #expect(strict.normalize("Aalborg") == "aalborg")
        #expect(strict.normalize("Ꜳlborg") == "ålborg")
        #expect(strict.normalize("ekstraarbejde") == "ekstraarbejde")
    }

    @Test func fastPathAgreesWithICU() {
        // Every scalar of the table, folded by the table and by ICU directly, in context with "a".
        for value in UInt32(0x20)..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "x\(Character(scalar))b"
            var expected = ICUBridge.danishFold(text)
            expected.unicodeScalars.removeAll { DanishFolding.isDropped($0.value) }
            #expect(analyzer.normalize(text) == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test func mixedScriptsGoThroughICU() {
        // "é" as e + U+0301 forces the ICU path for the whole string.
        #expect(analyzer.normalize("Aalborg Cafe\u{301}") == "ålborg cafe")
        #expect(analyzer.normalize("Ꜳrhus Ὀδύσσεια") == "århus οδυσσεια")
    }
}
