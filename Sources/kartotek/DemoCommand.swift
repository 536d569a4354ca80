#if canImport(Glibc)
import Glibc
#endif
import Catalog
import MARC
import SearchIndex

/// `kartotek demo`: index the bundled Corpus, then run a few Danish searches. No arguments needed.
enum DemoCommand {
    static let usage = "usage: kartotek demo [--corpus DIR] [--keep DIR]"

    static func run(_ args: [String]) throws(CLIError) -> Int32 {
        let a: Arguments
        do { a = try Arguments(args, valued: ["--corpus", "--keep"], flags: []) } catch { throw .usage(error) }
        guard let corpus = a.value("--corpus") ?? locateCorpus() else {
            printError("kartotek demo: cannot find the bundled Corpus/ (run from the repository, or pass --corpus DIR)")
            return 1
        }
        let out = OutputSink(path: nil)
        let clock = ContinuousClock()
        var t = clock.now
        let common = try CatalogueInput.records(
            ["\(corpus)/danmarc2/common.jsonl", "\(corpus)/marc21/books.jsonl"] + files(in: "\(corpus)/local"),
            lenient: false)
        let enrichments = try CatalogueInput.records(files(in: "\(corpus)/enrichment"), lenient: false)
        let items = try CatalogueInput.holdings(["\(corpus)/holdings.jsonl"], records: common + enrichments, lenient: false)
        let built = Catalogue(records: common + enrichments, holdings: items)
        let directory = a.value("--keep") ?? temporaryDirectory()
        do { try built.write(to: directory) } catch { throw .input(MARCError(.io, error.description, file: directory)) }
        out.write("Indexed \(built.recordCount) records (\(common.count) common and local, \(enrichments.count) enrichments) and \(items.count) items in \((clock.now - t).formatted) → \(directory)\n")
        t = clock.now
        let catalogue: Catalogue
        do { catalogue = try Catalogue(directory: directory) } catch { throw .input(MARCError(.io, error.description, file: directory)) }
        out.write("Opened the index in \((clock.now - t).formatted)\n")

        let schools = (1...20).map { String(399_100 + $0) }
        let searches: [(String, String, CatalogSearchOptions)] = [
            ("A bare term, Danish folding: Aalborg finds Ålborg", "aalborg", .init(limit: 3)),
            ("An author misspelt the old way: Kierkegård finds Kierkegaard", "fo = kierkegård", .init(limit: 3)),
            ("A phrase in the title; the filing marker ¤ is invisible", "ti = \"lille prins\"", .init(limit: 3)),
            ("Truncation and a year range, sorted by title (æ ø å after z)",
             "ti = hav* and år within \"1900 2025\" sortBy title", .init(limit: 5)),
            ("Boolean nesting with facets", "(em = eventyr or em = børnebøger) not fo = tolkien",
             .init(limit: 3, facets: ["type", "language", "year"])),
            ("An ISBN-10 query finds the record that has only the ISBN-13", "ib = 87-7357-980-7", .init(limit: 3)),
            ("Holdings: on the shelf at any of 20 cooperating school libraries", "ti = \"harry potter\"",
             .init(agencies: schools, availableOnly: true, limit: 3)),
            ("Searching as Københavns Biblioteker (710100) sees its enrichments and local records", "fo = kierkegaard",
             .init(agencies: ["710100"], limit: 3)),
        ]
        for (title, query, options) in searches {
            out.write("\n— \(title)\n  kartotek search -i \(directory)\(flags(options)) '\(query)'\n")
            t = clock.now
            do {
                let result = try catalogue.search(query, options: options)
                let elapsed = (clock.now - t).formatted
                for line in SearchOutput.text(result, offset: 0).split(separator: "\n") { out.write("  \(line)\n") }
                out.write("  (\(elapsed))\n")
            } catch {
                out.write("  query error: \(error)\n")
            }
        }
        if a.value("--keep") == nil { FileSystem.removeTree(directory) }
        do { try out.close() } catch { throw .input(error) }
        return 0
    }

    static func flags(_ o: CatalogSearchOptions) -> String {
        var s = ""
        if !o.agencies.isEmpty { s += " --agency \(o.agencies.count > 3 ? o.agencies.prefix(2).joined(separator: ",") + ",…" : o.agencies.joined(separator: ","))" }
        if o.availableOnly { s += " --available" }
        for f in o.facets { s += " --facet \(f)" }
        return s
    }

    /// `$KARTOTEK_CORPUS`, `./Corpus`, or `Corpus/` beside the build directory of this executable.
    static func locateCorpus() -> String? {
        var candidates: [String] = []
        if let env = getenv("KARTOTEK_CORPUS") { candidates.append(String(cString: env)) }
        candidates.append("Corpus")
        let exe = CommandLine.arguments[0]
        if let slash = exe.lastIndex(of: "/") {
            let dir = String(exe[..<slash])
            candidates += ["\(dir)/../../Corpus", "\(dir)/../../../Corpus"]
        }
        return candidates.first { access("\($0)/danmarc2/common.jsonl", R_OK) == 0 }
    }

    static func files(in directory: String) -> [String] {
        (FileSystem.entries(of: directory) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted().map { "\(directory)/\($0)" }
    }

    static func temporaryDirectory() -> String {
        var template = Array("/tmp/kartotek-demo-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { p in
            guard let base = p.baseAddress, let r = mkdtemp(base) else { return "/tmp/kartotek-demo" }
            return String(cString: r)
        }
    }
}
