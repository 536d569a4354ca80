import Testing
import TextAnalysis

/// Input → expected tokens (default options).
let tokenCases: [(String, [String])] = [
    ("C++ for begyndere", ["c++", "for", "begyndere"]),
    ("Programmering i C#", ["programmering", "i", "c#"]),
    ("F# og .NET", ["f#", "og", ".net"]),
    ("ASP.NET Core", ["asp", "net", "core"]),
    ("Notepad++", ["notepad++"]),
    ("Slaget ved Dybbøl 1864", ["slaget", "ved", "dybbøl", "1864"]),
    ("Hans-Christian Andersen", ["hans", "christian", "andersen"]),
    ("H.C. Andersen's eventyr", ["h", "c", "andersen", "s", "eventyr"]),
    ("O'Brien", ["o", "brien"]),
    ("rock\u{2019}n\u{2019}roll", ["rock", "n", "roll"]),
    ("Kierke\u{AD}gaard", ["kierkegård"]),
    ("Enten – Eller", ["enten", "eller"]),
    ("   ", []),
    ("", []),
    ("Ærø, Als & Fyn", ["ærø", "als", "fyn"]),
    ("Side 1-12", ["side", "1", "12"]),
    ("mp3-afspiller", ["mp3", "afspiller"]),
    ("Ꜳrhus Domkirke", ["århus", "domkirke"]),
    ("A\u{30A}rhus", ["århus"]),
    ("½ kg", ["1", "2", "kg"]),
    ("Ὀδύσσεια", ["οδυσσεια"]),
    ("北京", ["北京"]),
    ("Danmark i 1800-tallet", ["danmark", "i", "1800", "tallet"]),
    ("e-bog", ["e", "bog"]),
    ("3. udgave", ["3", "udgave"]),
    ("Märchen und Sagen", ["mærchen", "und", "sagen"]),
    ("DEN LILLE HAVFRUE", ["den", "lille", "havfrue"]),
    ("Den ¤lille prins", ["den", "lille", "prins"]),
    ("\"Blåbærgrød\" (opskrift)", ["blåbærgrød", "opskrift"]),
    ("C# 12 and .NET 8", ["c#", "12", "and", ".net", "8"]),
    ("Aalborg/Aarhus", ["ålborg", "århus"]),
    ("Fødselsdag!!!", ["fødselsdag"]),
    ("ÆØÅ", ["æøå"]),
    ("Cafe\u{301} au lait", ["cafe", "au", "lait"]),
    ("Nr. 5", ["nr", "5"]),
    ("#hashtag", ["hashtag"]),
    ("A#", ["a#"]),
    ("AB#", ["ab"]),
    ("x++y", ["x++", "y"]),
]

@Suite("Tokeniser")
struct TokenizerTests {
    let analyzer = DanishAnalyzer()

    @Test("Tokens", arguments: tokenCases)
    func tokens(_ testCase: (String, [String])) {
        #expect(analyzer.tokens(testCase.0) == testCase.1)
    }

    @Test func positionsAndOffsets() {
        let text = "Søren Kierkegaard: Enten-Eller"
        let tokens = analyzer.analyze(text)
        #expect(tokens.map(\.text) == ["søren", "kierkegård", "enten", "eller"])
        #expect(tokens.map(\.position) == [0, 1, 2, 3])
        #expect(tokens.map(\.utf8Range) == [0..<6, 7..<18, 20..<25, 26..<31])
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[tokens[1].utf8Range], as: UTF8.self) == "Kierkegaard")
    }

    @Test func phraseKeyJoinsTokens() {
        #expect(analyzer.phraseKey("Den ¤lille  Prins!") == "den lille prins")
        #expect(analyzer.phraseKey("Jepsen, Erling") == "jepsen erling")
        #expect(analyzer.phraseKey("Kierkegaard, Søren") == analyzer.phraseKey("KIERKEGÅRD Søren"))
    }

    @Test func tokensAgreeWithNormalizeOnWords() {
        for word in ["Aalborg", "Blåbærgrød", "Märchen", "Þórr", "Œuvres", "Straße", "Guðrún", "Ꜳrhus"] {
            #expect(analyzer.tokens(word) == [analyzer.normalize(word)])
        }
    }

    @Test func longTokensAndLongText() {
        let word = String(repeating: "Blåbær", count: 200)
        #expect(analyzer.tokens(word) == [String(repeating: "blåbær", count: 200)])
        let text = Array(repeating: "Søren Kierkegaard", count: 1000).joined(separator: " ")
        #expect(analyzer.tokens(text).count == 2000)
    }
}

@Suite("Truncation")
struct TruncationTests {
    @Test("Prefix forms", arguments: [
        ("Kierkega", ["kierkega", "kierkegå"]), ("Aa", ["å"]), ("Blåbær", ["blåbær"]), ("Søren", ["søren"]),
        ("A", ["a", "å"]), ("", [""]),
    ])
    func prefixForms(_ c: (String, [String])) {
        #expect(DanishAnalyzer().prefixForms(c.0) == c.1)
    }

    @Test func prefixFormsFindTheIndexedWord() {
        let analyzer = DanishAnalyzer()
        let indexed = analyzer.tokens("Søren Kierkegaard")[1]
        #expect(!indexed.hasPrefix(analyzer.normalize("Kierkega")))
        #expect(analyzer.prefixForms("Kierkega").contains { indexed.hasPrefix($0) })
        let query = DanishAnalyzer(options: .init(foldAEOE: true))
        #expect(query.prefixForms("Bjo") == ["bjo", "bjø"])
        #expect(query.prefixForms("Maersk-Mo") == ["mærsk-mo", "mærsk-mø"])
    }
}

@Suite("Docs/ANALYSIS.md examples")
struct DocumentationExampleTests {
    @Test func usageExamples() {
        let analyzer = DanishAnalyzer()
        #expect(analyzer.normalize("Søren Kierkegaard") == "søren kierkegård")
        #expect(analyzer.tokens("C++ og C# i Aalborg, 1864") == ["c++", "og", "c#", "i", "ålborg", "1864"])
        #expect(analyzer.analyze("Enten-Eller").first == .init(text: "enten", position: 0, utf8Range: 0..<5))
        #expect(analyzer.tokens("Søren Kierkegaard: Enten-Eller (1843)") == ["søren", "kierkegård", "enten", "eller", "1843"])
        #expect(analyzer.normalize("Ǟ čç ά") == "æ cc α")
        #expect(DanishAnalyzer(options: .init(foldAEOE: true)).normalize("Goethe poesi") == "gøthe pøsi")
        #expect(ISBN("87-7245-012-7").cleaned == "8772450127")
        #expect(ISSN("1050-124x").normalized == "1050124X")
    }
}
