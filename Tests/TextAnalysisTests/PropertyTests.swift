import Testing
import TextAnalysis

/// A small deterministic generator of mixed-script strings (no Foundation).
struct ScalarSoup: Sequence, IteratorProtocol {
    var state: UInt64
    var remaining: Int

    static let pools: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x20...0x7E, 0x20...0x7E, 0xA0...0x24F, 0xC0...0xFF, 0x300...0x36F, 0x370...0x3FF,
        0x400...0x4FF, 0x2000...0x206F, 0x4E00...0x4E2F, 0xA720...0xA7FF, 0xFB00...0xFB4F, 0xFF00...0xFF5E,
        0x1F600...0x1F64F, 0x1D400...0x1D4FF,
    ]

    mutating func nextRandom() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }

    mutating func next() -> String? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        var text = ""
        for _ in 0..<Int(nextRandom() % 24) {
            let pool = ScalarSoup.pools[Int(nextRandom() % UInt64(ScalarSoup.pools.count))]
            let value = pool.lowerBound + UInt32(nextRandom() % UInt64(pool.count))
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        }
        return text
    }
}

@Suite("Properties over generated text")
struct PropertyTests {
    let analyzer = DanishAnalyzer()

    @Test func normalizeIsIdempotent() {
        for text in ScalarSoup(state: 1864, remaining: 3000) {
            let once = analyzer.normalize(text)
            #expect(analyzer.normalize(once) == once, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func tokensAreNonEmptyFixedPoints() {
        for text in ScalarSoup(state: 1849, remaining: 3000) {
            let tokens = analyzer.analyze(text)
            for token in tokens {
                #expect(!token.text.isEmpty)
                #expect(analyzer.normalize(token.text) == token.text, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                #expect(token.utf8Range.lowerBound >= 0 && token.utf8Range.upperBound <= text.utf8.count)
            }
            #expect(tokens.map(\.position) == Array(0..<tokens.count))
        }
    }

    @Test func sortKeysAreTotalAndStable() {
        let texts = Array(ScalarSoup(state: 1901, remaining: 500))
        let keys = texts.map { analyzer.sortKey($0, level: .tertiary) }
        for (text, key) in zip(texts, keys) {
            #expect(analyzer.sortKey(text, level: .tertiary) == key)
            let primary = analyzer.sortKey(text, level: .primary)
            #expect(analyzer.sortKey(text).starts(with: primary))
            #expect(key.starts(with: primary))
            #expect(!primary.contains(0x00))
        }
        // Primary order is never contradicted by the longer keys.
        for (a, b) in zip(texts, texts.dropFirst()) {
            let pa = analyzer.sortKey(a, level: .primary), pb = analyzer.sortKey(b, level: .primary)
            if pa.lexicographicallyPrecedes(pb) {
                #expect(analyzer.sortKey(a, level: .tertiary).lexicographicallyPrecedes(analyzer.sortKey(b, level: .tertiary)))
            }
        }
    }

    @Test func identifiersNeverTrap() {
        for text in ScalarSoup(state: 2026, remaining: 2000) {
            _ = ISBN.searchForms(text)
            _ = ISSN.searchForms(text)
            _ = Faust.isValid(text)
            _ = IndexFieldRule.years(in: text)
        }
    }
}
