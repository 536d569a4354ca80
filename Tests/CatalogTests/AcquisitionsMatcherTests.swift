import MARC
import Testing

@testable import Catalog

/// A danMARC2 catalogue record.
func book(
    id: String, agency: String = Agency.common, isbn: String? = nil, title: String, subtitle: String? = nil,
    author: String?, year: String
) -> MARCRecord {
    var fields = [f("001", "a", id, "b", agency), f("004", "r", "n", "a", "e"), f("008", "t", "m", "a", year)]
    if let isbn { fields.append(f("021", "e", isbn)) }
    if let author { fields.append(f("100", "a", author, "h", "Søren")) }
    var title245 = f("245", "a", title)
    if let subtitle { title245.subfields.append(Subfield("c", subtitle)) }
    fields.append(title245)
    fields.append(f("260", "b", "Gyldendal", "c", year))
    return danmarc(fields)
}

/// A MARC21 record as a supplier sends it.
func marc21(isbn: String?, title: String, nonFiling: Unicode.Scalar = "0", subtitle: String? = nil, author: String?, year: String)
    -> MARCRecord
{
    var fields = [Field(tag: "001", value: "sup-1"), Field(tag: "008", value: "240101s\(year)    dk            000 1 dan d")]
    if let isbn { fields.append(Field(tag: "020", indicators: (" ", " "), subfields: [Subfield("a", isbn)])) }
    if let author { fields.append(Field(tag: "100", indicators: ("1", " "), subfields: [Subfield("a", author)])) }
    var subs = [Subfield("a", title)]
    if let subtitle { subs.append(Subfield("b", subtitle)) }
    fields.append(Field(tag: "245", indicators: ("1", nonFiling), subfields: subs))
    return MARCRecord(fields: fields)
}

struct AcquisitionsMatcherTests {
    let catalogue = [
        book(id: "10000001", isbn: "9780306406157", title: "Enten - eller", subtitle: "et livs-fragment", author: "Kierkegaard", year: "1843"),
        book(id: "10000002", title: "Frygt og bæven", author: "Kierkegaard", year: "1843"),
        book(id: "10000003", title: "The ¤sickness unto death", author: "Kierkegaard", year: "1989"),
        book(id: "10000004", title: "Aalborg i gamle dage", author: "Müller", year: "1970"),
        book(id: "10000005", title: "Enten - eller", subtitle: "et livs-fragment", author: "Kierkegaard", year: "1962"),
    ]

    @Test("folding: aa→å, ä→æ, ö→ø, diacritics, punctuation")
    func folding() {
        #expect(MatchFolding.fold("Kierkegaard") == MatchFolding.fold("Kierkegård"))
        #expect(MatchFolding.fold("Aalborg") == "ålborg")
        #expect(MatchFolding.fold("Hélène  Müller-Öberg") == "helene myller øberg")
        #expect(MatchFolding.fold("Enten - eller!") == "enten eller")
        #expect(MatchFolding.fold("Bjørn Ærø Åse") == "bjørn ærø åse")
        #expect(MatchFolding.fold("Ha\u{0308}nsel") == "hænsel")
        #expect(MatchFolding.skeleton(MatchFolding.fold("Kirkegaard")) == MatchFolding.skeleton(MatchFolding.fold("Kierkegård")))
    }

    @Test("ISBN-10 ⇄ 13")
    func isbn() {
        #expect(StandardNumbers.isbnKey("0-306-40615-2") == "9780306406157")
        #expect(StandardNumbers.isbnKey("978-0-306-40615-7") == "9780306406157")
        #expect(StandardNumbers.isbnKey("0306406152 (pbk.)") == "9780306406157")
        #expect(StandardNumbers.isbn10(fromISBN13: "9780306406157") == "0306406152")
        #expect(StandardNumbers.isbnKey("87-7714-306-X") == "9788777143069")
        #expect(StandardNumbers.isbn10(fromISBN13: "9788777143069") == "877714306X")
        #expect(StandardNumbers.issnKey("0105-9033") == "01059033")
    }

    @Test("an ISBN-10 finds the record catalogued with the ISBN-13")
    func isbn10Against13() {
        let matcher = AcquisitionsMatcher(catalogue: catalogue)
        let incoming = marc21(isbn: "0-306-40615-2 (pbk.)", title: "Either/or", author: "Kierkegaard, Søren", year: "1987")
        let matches = matcher.matches(for: incoming)
        #expect(matches.first?.record == RecordKey(id: "10000001", agency: Agency.common))
        #expect(matches.first?.score == 1.0)
        #expect(matches.first?.reasons == [.isbn("9780306406157")])
        #expect(matches.count == 1)
    }

    @Test("a changed subtitle still matches, ranked with its reasons")
    func changedSubtitle() {
        let matcher = AcquisitionsMatcher(catalogue: catalogue)
        let incoming = book(id: "90000001", title: "Enten-eller", subtitle: "udgivet af Victor Eremita", author: "Kierkegaard", year: "1843")
        let matches = matcher.matches(for: incoming)
        #expect(matches.map(\.index) == [0, 4])
        #expect(matches[0].score == 0.9)
        #expect(matches[0].reasons == [.title, .author, .year("1843"), .subtitleDiffers])
        #expect(matches[1].reasons.contains(.yearDiffers(existing: "1962", incoming: "1843")))
        #expect(matches[0].explanation == "same title; same author; same year 1843; subtitle differs")
    }

    @Test("a misspelt Danish author matches: Kierkegård and Kirkegaard")
    func misspeltAuthor() {
        let matcher = AcquisitionsMatcher(catalogue: catalogue)
        let aa = matcher.matches(for: book(id: "90000002", title: "Frygt og Bæven", author: "Kierkegård", year: "1843"))
        #expect(aa.first?.index == 1)
        #expect(aa.first?.score == 0.95)
        let misspelt = matcher.matches(for: book(id: "90000003", title: "Frygt og bæven", author: "Kirkegaard", year: "1843"))
        #expect(misspelt.first?.index == 1)
        #expect(misspelt.first?.reasons.contains(.authorSpelling(existing: "kierkegård", incoming: "kirkegård")) == true)
        #expect(misspelt.first?.score == 0.85)
    }

    @Test("MARC21 input against danMARC2: non-filing words, surname before the comma, aa = å")
    func crossFormat() {
        let matcher = AcquisitionsMatcher(catalogue: catalogue)
        let sickness = marc21(isbn: nil, title: "The sickness unto death /", nonFiling: "4", author: "Kierkegaard, Søren,", year: "1989")
        #expect(matcher.matches(for: sickness).first?.index == 2)
        let aalborg = marc21(isbn: nil, title: "Ålborg i gamle dage", author: "Mueller", year: "1970")
        // "Mueller" is not "Müller" (ue is not folded), but the skeletons agree.
        #expect(matcher.matches(for: aalborg).first?.index == 3)
        let unrelated = marc21(isbn: "9788702284791", title: "Kongens fald", author: "Jensen, Johannes V.", year: "1901")
        #expect(matcher.matches(for: unrelated).isEmpty)
    }

    @Test("duplicates within the catalogue: shared ISBN (10 vs 13), same title+author+year")
    func duplicates() {
        var records = catalogue
        records.append(book(id: "10000006", isbn: "0306406152", title: "Either/or", author: "Kierkegaard", year: "1987"))
        records.append(book(id: "10000007", agency: "710100", title: "Frygt og Bæven", author: "Kierkegård", year: "1843"))
        let duplicates = AcquisitionsMatcher(catalogue: records).duplicates()
        #expect(duplicates.count == 2)
        #expect(duplicates[0].indices == [0, 5])
        #expect(duplicates[0].reasons == [.isbn("9780306406157")])
        #expect(duplicates[1].indices == [1, 6])
        #expect(duplicates[1].records == [RecordKey(id: "10000002", agency: Agency.common), RecordKey(id: "10000007", agency: "710100")])
        #expect(duplicates[1].reasons.contains(.year("1843")))
    }

    @Test("a custom normaliser can replace the built-in folding")
    func customNormaliser() {
        let matcher = AcquisitionsMatcher(catalogue: catalogue, normalize: { $0.lowercased() })
        // Without aa→å folding, Kierkegård's full name no longer equals, but the skeleton still does.
        let m = matcher.matches(for: book(id: "9", title: "frygt og bæven", author: "Kierkegård", year: "1843"))
        #expect(m.first?.index == 1)
    }

    @Test("lookups are hash-based: 5,000 records, 500 lookups")
    func scale() {
        var records: [MARCRecord] = []
        for i in 0..<5_000 {
            records.append(book(id: String(20_000_000 + i), title: "Titel \(i)", author: "Forfatter\(i % 500)", year: String(1900 + i % 120)))
        }
        let matcher = AcquisitionsMatcher(catalogue: records)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for i in stride(from: 0, to: 5_000, by: 10) {
                let m = matcher.matches(for: records[i])
                #expect(m.first?.index == i)
            }
        }
        #expect(elapsed < .seconds(5))
    }
}
