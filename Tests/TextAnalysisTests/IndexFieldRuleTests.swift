import Testing
import TextAnalysis

@Suite("Index field table")
struct IndexFieldRuleTests {
    @Test func indexNames() {
        #expect(IndexName.allCases.map(\.rawValue) == [
            "title", "author", "subject", "isbn", "issn", "year", "publisher", "id", "agency", "type", "language",
            "phrase.title", "phrase.author", "phrase.subject",
        ])
    }

    @Test("CCL aliases", arguments: [
        ("ti", IndexName.title), ("fo", .author), ("em", .subject), ("ib", .isbn), ("is", .isbn), ("in", .issn),
        ("år", .year), ("aar", .year), ("fl", .publisher), ("id", .id), ("faust", .id), ("ln", .agency),
        ("ma", .type), ("sp", .language), ("lti", .phraseTitle), ("lfo", .phraseAuthor), ("lem", .phraseSubject),
        ("TI", .title), ("phrase.title", .phraseTitle), ("year", .year),
    ])
    func alias(_ c: (String, IndexName)) {
        #expect(IndexName.named(c.0) == c.1)
    }

    @Test func everyIndexHasSources() {
        for index in IndexName.allCases {
            #expect(!IndexFieldRule.rules(for: index, in: IndexFieldRule.danMARC2).isEmpty, "\(index)")
            #expect(!IndexFieldRule.rules(for: index, in: IndexFieldRule.marc21).isEmpty, "\(index)")
        }
    }

    @Test func keySources() {
        let title = IndexFieldRule.rules(for: .title, in: IndexFieldRule.danMARC2)
        #expect(title.first?.tag == "245")
        #expect(title.first?.uses(subfield: "a") == true)
        #expect(title.first?.uses(subfield: "e") == false)  // responsibility statement feeds no title words
        let isbn = IndexFieldRule.rules(for: .isbn, in: IndexFieldRule.danMARC2)
        #expect(isbn.map(\.tag) == ["021"] && isbn.first?.analysis == .isbn)
        let subject600 = IndexFieldRule.danMARC2.first { $0.index == .subject && $0.tag == "600" }
        #expect(subject600?.uses(subfield: "a") == true && subject600?.uses(subfield: "0") == false)
        let year = IndexFieldRule.rules(for: .year, in: IndexFieldRule.marc21)
        #expect(year.first?.tag == "008" && year.first?.positions == 7...10)
        let type = IndexFieldRule.rules(for: .type, in: IndexFieldRule.marc21)
        #expect(type.first?.tag == IndexFieldRule.leaderTag && type.first?.positions == 6...7)
        let language = IndexFieldRule.rules(for: .language, in: IndexFieldRule.marc21)
        #expect(language.first?.positions == 35...37)
        #expect(IndexFieldRule.marc21.first { $0.index == .id }?.tag == "001")
        #expect("\(IndexFieldRule.marc21[0])" == "title ← 245 *abfgknps")
    }

    @Test func yearsAreExtracted() {
        #expect(IndexFieldRule.years(in: "[1864], c1999 og 2003-2005") == ["1864", "1999", "2003", "2005"])
        #expect(IndexFieldRule.years(in: "19uu").isEmpty)
        #expect(IndexFieldRule.years(in: "12345 2015 2015") == ["2015"])
    }
}
