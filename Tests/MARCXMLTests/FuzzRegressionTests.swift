import MARC
import MARCXML
import Testing

/// Inputs the libFuzzer harnesses (Fuzz/) found crashing, kept as regression tests.
@Suite struct FuzzRegressionTests {
    /// A `<datafield>` without a tag: strict mode stopped the parser from inside the start-element callback, and
    /// reading `ind1` afterwards touched freed memory (AddressSanitizer: heap-use-after-free in readIndicator).
    static let datafieldWithoutTag = """
        <?xml version="1.0"?><collection xmlns="http://www.loc.gov/MARC21/slim"><record><leader>00000nam a2200000 a 4500\
        </leader><controlfield tag="001">1</controlfield><datafield leadecontcind1="1" ind2="0"><subfield code="a">T\
        </subfield></datafield></record></collection>
        """

    @Test func datafieldWithoutTagIsAClearErrorInStrictModeAndRepairedInLenientMode() throws {
        var strict = MARCXMLReader(string: Self.datafieldWithoutTag)
        do {
            _ = try strict.next()
            Issue.record("strict reading accepted a datafield without a tag")
        } catch {
            #expect(error.kind == .xml)
            #expect(error.message.contains("tag"))
        }
        var lenient = MARCXMLReader(string: Self.datafieldWithoutTag, options: ReadOptions(lenient: true))
        let record = try #require(try lenient.next())
        #expect(record.fields.count == 2)
        #expect(lenient.diagnostics.contains { $0.message.contains("tag") })
    }
}
