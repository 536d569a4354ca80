import Testing
import TextAnalysis

/// (raw, valid, ISBN-13, ISBN-10)
let isbnCases: [(String, Bool, String?, String?)] = [
    ("87-7245-012-6", true, "9788772450124", "8772450126"),
    ("978-87-7245-012-4", true, "9788772450124", "8772450126"),
    ("9788772450124", true, "9788772450124", "8772450126"),
    ("ISBN 87 7245 012 6 (hf.)", true, "9788772450124", "8772450126"),
    ("0-306-40615-2", true, "9780306406157", "0306406152"),
    ("978-0-306-40615-7", true, "9780306406157", "0306406152"),
    ("9780306406157 (pbk.)", true, "9780306406157", "0306406152"),
    ("0-8044-2957-X", true, "9780804429573", "080442957X"),
    ("0-8044-2957-x", true, "9780804429573", "080442957X"),
    ("978-0-8044-2957-3", true, "9780804429573", "080442957X"),
    ("979-10-90636-07-1", true, "9791090636071", nil),
    ("87-7245-012-7", false, nil, nil),
    ("978-87-7245-012-5", false, nil, nil),
    ("123-4567890123", false, nil, nil),
    ("87-7245", false, nil, nil),
    ("hf.", false, nil, nil),
]

/// (raw, valid, normalised)
let issnCases: [(String, Bool, String)] = [
    ("0028-0836", true, "00280836"), ("0036-8075", true, "00368075"), ("0317-8471", true, "03178471"),
    ("2049-3630", true, "20493630"), ("1050-124X", true, "1050124X"), ("1050-124x", true, "1050124X"),
    ("ISSN 0028 0836", true, "00280836"), ("0028-0837", false, "00280837"), ("0028-083", false, "0028083"),
    ("1050-1248", false, "10501248"),
]

/// (raw, valid)
let faustCases: [(String, Bool)] = [
    ("130955754", true), ("1 309 557 54", true), ("52846943", true), ("5 284 694 3", true), ("61440208", true),
    ("07672624", true), ("22669494", true), ("130955755", false), ("52846944", false), ("1234567", false),
    ("12345678X", false), ("1309557540", false), ("", false),
]

@Suite("Identifiers")
struct IdentifierTests {
    @Test("ISBN", arguments: isbnCases)
    func isbn(_ c: (String, Bool, String?, String?)) {
        let isbn = ISBN(c.0)
        #expect(isbn.isValid == c.1)
        #expect(isbn.isbn13 == c.2)
        #expect(isbn.isbn10 == c.3)
        #expect(ISBN.isValid(c.0) == c.1)
        #expect((ISBN.parse(c.0) != nil) == c.1)
        // The index keeps one form: the 13-digit one when valid, else the cleaned value in lower case.
        #expect(isbn.indexForm == (c.2 ?? isbn.cleaned.lowercased()))
    }

    @Test func indexFormJoinsBothSpellings() {
        #expect(ISBN("87-7245-012-6").indexForm == ISBN("978-87-7245-012-4").indexForm)
        #expect(ISBN("0-8044-2957-x").indexForm == "9780804429573")
        #expect(ISBN("1234567890X").indexForm == "1234567890")  // invalid: cleaned (the X is not the 10th character)
        #expect(ISBN("123456788X").indexForm == "123456788x")  // invalid check digit: kept, lower-cased
        #expect(ISBN("123456789X").indexForm == "9781234567897")
        #expect(ISBN("hf.").indexForm.isEmpty)
    }

    @Test func issueExamplePairIsConsistent() {
        #expect(ISBN.searchForms("87-7245-012-6") == ["9788772450124", "8772450126"])
        #expect(ISBN.searchForms("978-87-7245-012-4") == ISBN.searchForms("87-7245-012-6"))
        #expect(ISBN.isbn13("87-7245-012-6") == "9788772450124")
        #expect(ISBN.isbn10("978-87-7245-012-4") == "8772450126")
    }

    @Test func invalidISBNsAreKeptButFlagged() {
        let isbn = ISBN("87-7245-012-7")
        #expect(!isbn.isValid)
        #expect(isbn.cleaned == "8772450127")
        #expect(ISBN.searchForms("87-7245-012-7") == ["8772450127"])
        #expect(ISBN.searchForms("hf.").isEmpty)
        #expect(ISBN.searchForms("979-10-90636-07-1") == ["9791090636071"])
    }

    @Test("ISSN", arguments: issnCases)
    func issn(_ c: (String, Bool, String)) {
        let issn = ISSN(c.0)
        #expect(issn.isValid == c.1)
        #expect(issn.normalized == c.2)
        #expect(ISSN.searchForms(c.0) == [c.2])
    }

    @Test func issnDisplayForm() {
        #expect(ISSN("00280836").hyphenated == "0028-0836")
        #expect(ISSN("1050124x").hyphenated == "1050-124X")
    }

    @Test("Faust", arguments: faustCases)
    func faust(_ c: (String, Bool)) {
        #expect(Faust.isValid(c.0) == c.1)
    }

    @Test func faustCheckDigit() {
        #expect(Faust("1 309 557 54").normalized == "130955754")
        #expect(Faust.checkDigit(for: "13095575") == 4)
        #expect(Faust.checkDigit(for: "5284694") == 3)
        #expect(Faust.checkDigit(for: "6144020") == 8)
        #expect(Faust.checkDigit(for: "12a") == nil)
    }
}
