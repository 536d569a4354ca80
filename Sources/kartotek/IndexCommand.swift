import Catalog
import MARC

/// `kartotek index`: build a catalogue index directory from records, enrichments and holdings.
enum IndexCommand {
    static let usage = """
        usage: kartotek index [--holdings FILE ...] [--enrichment FILE ...] [--lenient] -o INDEX INPUT ...
          INPUT       common and local records (ISO 2709, MARCXML, line format or MARC-in-JSON; detected)
          --enrichment  libraries' enrichment records
          --holdings    holdings as JSON Lines ({"agency":…,"recordId":…,"itemId":…,"status":"onShelf",…})
          -o INDEX      the index directory to write (search.kix, records.mrc, holdings.jsonl)
        """

    static func run(_ args: [String]) throws(CLIError) -> Int32 {
        let a: Arguments
        do {
            a = try Arguments(args, valued: ["--holdings", "--enrichment", "-o", "--output"], flags: ["--lenient"])
        } catch { throw .usage(error) }
        guard let out = a.value("-o") ?? a.value("--output") else { throw .usage(UsageError("index needs -o INDEX")) }
        guard !a.operands.isEmpty else { throw .usage(UsageError("index needs at least one INPUT")) }
        let lenient = a.flag("--lenient")
        let clock = ContinuousClock()
        let start = clock.now
        let records = try CatalogueInput.records(a.operands + a.all("--enrichment"), lenient: lenient)
        let items = try CatalogueInput.holdings(a.all("--holdings"), records: records, lenient: lenient)
        let catalogue = Catalogue(records: records, holdings: items)
        for r in catalogue.unkeyedRecords {
            printError("kartotek: a record without an id was left out (245: \(r["245"]?["a"] ?? "none"))")
        }
        do {
            try catalogue.write(to: out)
        } catch {
            throw .input(MARCError(.io, error.description, file: out))
        }
        let elapsed = clock.now - start
        printError(
            "kartotek: indexed \(catalogue.recordCount) records and \(items.count) items into \(out) in \(elapsed.formatted)")
        return catalogue.unkeyedRecords.isEmpty ? 0 : 1
    }
}

extension Duration {
    var formatted: String {
        let ms = Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
        return ms < 1000 ? "\(Int(ms.rounded())) ms" : "\((ms / 10).rounded() / 100) s"
    }
}
