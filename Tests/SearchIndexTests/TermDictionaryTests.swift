@testable import SearchIndex
import Testing

/// Front-coded term dictionaries: exact lookups and lower bounds for keys inside, between, before and after the
/// terms, against a linear search of the sorted terms, for dictionaries of one, two and many blocks.
@Suite("Term dictionaries")
struct TermDictionaryTests {
    @Test(arguments: [1, 16, 17, 32, 200])
    func lookupsAgreeWithALinearSearch(termCount: Int) throws {
        // "000", "003", "006", …: three digits each, so sorted as bytes.
        let terms = (0..<termCount).map { n -> [UInt8] in
            let digits = String(n * 3)
            return Array((String(repeating: "0", count: max(0, 3 - digits.count)) + digits).utf8)
        }
        let keys: [[UInt8]] =
            terms + terms.map { $0 + [0x35] } + terms.map { Array($0.dropLast()) }
            + ["", "0", "00", "1", "599", "600", "601", "999", "a", "sol", "\u{FF}"].map { Array($0.utf8) }
        let bytes = TermDictionary.write(terms: terms, postingLengths: terms.map { _ in 1 })
        try bytes.withUnsafeBytes { raw in
            let base = try #require(raw.baseAddress)
            let dictionary = try #require(TermDictionary(ByteView(base: base, count: raw.count)))
            #expect(dictionary.blockCount == (termCount + 15) / 16)
            for key in keys {
                let below = terms.filter { $0.lexicographicallyPrecedes(key) }.count
                let exact = terms.firstIndex(of: key)
                #expect(dictionary.find(key)?.index == exact, "find \(String(decoding: key, as: UTF8.self))")
                #expect(dictionary.lowerBound(key) == below, "lowerBound \(String(decoding: key, as: UTF8.self))")
            }
        }
    }
}
