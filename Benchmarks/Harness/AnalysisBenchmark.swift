#if canImport(Glibc)
import Glibc
#endif
import TextAnalysis

// Normalised tokens per second through DanishAnalyzer, single core, release build.
// Targets (issue 4): ≥ 20 M tokens/s on ASCII text, ≥ 5 M tokens/s on Danish text.

/// Real English words (ASCII only), cycled into a text.
private let asciiWords = """
    The history of the library begins with the clay tablets of ancient cities and continues through the great \
    collections of Alexandria, the monasteries of medieval Europe and the public libraries of the nineteenth \
    century. A catalogue records the author, title, publisher and year of every book, and readers search it by \
    subject, series or number. Computer programs such as C++ compilers and database systems changed the work in \
    1964, when the first machine readable records were made; by 1980 most large libraries shared their records.
    """

/// Real Danish text with æ ø å and names, cycled into a text.
private let danishWords = """
    Søren Kierkegaard blev født i København i 1813 og døde i 1855. Hans første store værk, Enten – Eller, udkom \
    på dansk i 1843 under pseudonymet Victor Eremita. H.C. Andersen skrev eventyr om den grimme ælling, den lille \
    havfrue og Klods-Hans, og Karen Blixen fortalte om sin afrikanske farm. I Aalborg og Århus låner børn bøger \
    om blåbærgrød, rødgrød med fløde, æbleskiver og smørrebrød; på Ærø og Bornholm læser de om øer, fyrtårne og \
    søfolk. Biblioteket på Østerbro har både Märchen und Sagen fra Tyskland og Brönd-samlingen fra Sønderjylland.
    """

private func makeText(_ words: String, tokens target: Int) -> (text: String, tokens: Int) {
    let analyzer = DanishAnalyzer()
    let perCopy = analyzer.tokens(words).count
    let copies = max(1, target / max(perCopy, 1))
    return (Array(repeating: words, count: copies).joined(separator: "\n"), perCopy * copies)
}

/// This thread's CPU time in seconds (time spent descheduled by other processes on a busy machine is not counted).
private func threadCPUSeconds() -> Double {
    #if canImport(Glibc)
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    #else
    let now = ContinuousClock.now.duration(to: ContinuousClock.now)
    return Double(now.components.seconds)
    #endif
}

/// The best of `runs` timings of `body` in thread CPU seconds, and the best wall-clock seconds.
private func bestSeconds(runs: Int, _ body: () -> Int) -> (seconds: Double, wall: Double, checksum: Int) {
    let clock = ContinuousClock()
    var best = Double.infinity
    var bestWall = Double.infinity
    var checksum = 0
    for _ in 0..<runs {
        var result = 0
        let cpuStart = threadCPUSeconds()
        let elapsed = clock.measure { result = body() }
        best = min(best, threadCPUSeconds() - cpuStart)
        checksum &+= result
        bestWall = min(bestWall, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return (best, bestWall, checksum)
}

/// Runs the analysis benchmark and returns named results (tokens per second, and the share of non-ASCII
/// tokens in the Danish text).
func runAnalysisBenchmark(runs: Int = 25) -> [String: Double] {
    let analyzer = DanishAnalyzer()
    var results: [String: Double] = [:]
    for (name, source) in [("ascii", asciiWords), ("danish", danishWords)] {
        let (text, tokenCount) = makeText(source, tokens: 250_000)
        _ = analyzer.tokens(source)  // build the fold table outside the timing

        let strings = bestSeconds(runs: runs) { analyzer.tokens(text).count }
        results["analysis.\(name).tokens_per_s"] = Double(tokenCount) / strings.seconds
        results["analysis.\(name).tokens_per_s_wall"] = Double(tokenCount) / strings.wall

        let bytes = bestSeconds(runs: runs) {
            var count = 0
            analyzer.forEachToken(in: text) { token, _, _ in count &+= token.count }
            return count
        }
        results["analysis.\(name).forEachToken_tokens_per_s"] = Double(tokenCount) / bytes.seconds
        results["analysis.\(name).forEachToken_tokens_per_s_wall"] = Double(tokenCount) / bytes.wall

        let words = text.split(separator: " ").map(String.init)
        let normalize = bestSeconds(runs: max(1, runs / 2)) {
            var total = 0
            for word in words { total &+= analyzer.normalize(word).utf8.count }
            return total
        }
        results["analysis.\(name).normalize_words_per_s"] = Double(words.count) / normalize.seconds
        results["analysis.\(name).tokens"] = Double(tokenCount)
    }
    let titles = ["Den ¤lille prins", "Søren Kierkegaard: Enten – Eller", "Blåbærgrød og æbleskiver",
                  "The Hobbit", "Märchen und Sagen", "Aalborg i 1864", "Ærø, Als og Fyn", "[Uden titel]"]
    let sortKeys = bestSeconds(runs: max(1, runs / 2)) {
        var total = 0
        for _ in 0..<2_000 { for title in titles { total &+= analyzer.sortKey(title).count } }
        return total
    }
    results["analysis.sortkey_per_s"] = Double(2_000 * titles.count) / sortKeys.seconds
    let danishTokens = analyzer.tokens(danishWords)
    results["analysis.danish.non_ascii_token_share"] =
        Double(danishTokens.filter { $0.utf8.contains { $0 >= 0x80 } }.count) / Double(danishTokens.count)
    return results
}
