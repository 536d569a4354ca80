import Catalog
import MARC
import SearchIndex

/// `kartotek search`: run a CQL query against an index directory.
enum SearchCommand {
    static let usage = """
        usage: kartotek search -i INDEX [--agency ID[,ID...]] [--available] [--limit N] [--offset N]
                               [--sort relevance|title|author|year] [--facet NAME ...] [--format text|json] QUERY
        """

    static func run(_ args: [String]) throws(CLIError) -> Int32 {
        let a: Arguments
        let format: String
        let sortName: String
        let limit: Int
        let offset: Int
        do {
            a = try Arguments(
                args, valued: ["-i", "--index", "--agency", "--limit", "--offset", "--sort", "--facet", "--format"],
                flags: ["--available"])
            format = try a.choice("--format", ["text", "json"], default: "text")
            sortName = try a.choice("--sort", ["relevance", "title", "author", "year"], default: "relevance")
            limit = try a.integer("--limit", default: 10)
            offset = try a.integer("--offset", default: 0)
        } catch { throw .usage(error) }
        guard let index = a.value("-i") ?? a.value("--index") else { throw .usage(UsageError("search needs -i INDEX")) }
        guard !a.operands.isEmpty else { throw .usage(UsageError("search needs a QUERY")) }
        let query = a.operands.joined(separator: " ")
        let facets = a.all("--facet").flatMap { $0.split(separator: ",").map(String.init) }
        for f in facets where !IndexSchema.facets.contains(f) {
            throw .usage(UsageError("unknown facet \(f); facets are \(IndexSchema.facets.joined(separator: ", "))"))
        }
        let catalogue: Catalogue
        do {
            catalogue = try Catalogue(directory: index)
        } catch {
            throw .input(MARCError(.io, error.description, file: index))
        }
        let agencies = a.all("--agency").flatMap { $0.split(separator: ",").map(String.init) }
        let options = CatalogSearchOptions(
            agencies: agencies, availableOnly: a.flag("--available"), limit: limit, offset: offset,
            sort: sortName == "relevance" ? nil : SortKey(rawValue: sortName), facets: facets)
        let result: CatalogSearchResult
        do {
            result = try catalogue.search(query, options: options)
        } catch {
            printError("kartotek search: \(error)")
            return 2
        }
        let out = OutputSink(path: nil)
        out.write(format == "json" ? SearchOutput.json(result, agencies: agencies) : SearchOutput.text(result, offset: offset))
        do { try out.close() } catch { throw .input(error) }
        return 0
    }
}

/// Renders search results as DESIGN.md's JSON contract or as readable text.
enum SearchOutput {
    static func json(_ result: CatalogSearchResult, agencies: [String]) -> String {
        var o = "{\"total\":\(result.total),\"hits\":["
        for (i, h) in result.hits.enumerated() {
            if i > 0 { o += "," }
            o += "{\"id\":"
            appendJSONString(h.hit.id, to: &o)
            o += ",\"agency\":"
            appendJSONString(h.hit.agency, to: &o)
            o += ",\"score\":\(((h.hit.score * 1000).rounded() / 1000))"
            o += ",\"title\":"
            appendJSONString(h.hit.title, to: &o)
            o += ",\"author\":"
            appendJSONString(h.hit.author, to: &o)
            o += ",\"year\":"
            appendJSONString(h.hit.year, to: &o)
            let overall = h.holdings.overall
            o += ",\"holdings\":{\"total\":\(overall.total),\"available\":\(overall.available)"
            if !agencies.isEmpty {
                o += ",\"byAgency\":{"
                for (k, agency) in h.holdings.byAgency.keys.sorted().enumerated() {
                    let c = h.holdings.byAgency[agency] ?? HoldingsCount()
                    if k > 0 { o += "," }
                    appendJSONString(agency, to: &o)
                    o += ":{\"total\":\(c.total),\"available\":\(c.available),\"branches\":{"
                    let branches = h.holdings.byBranch[agency] ?? [:]
                    for (b, branch) in branches.keys.sorted().enumerated() {
                        let bc = branches[branch] ?? HoldingsCount()
                        if b > 0 { o += "," }
                        appendJSONString(branch, to: &o)
                        o += ":{\"total\":\(bc.total),\"available\":\(bc.available)}"
                    }
                    o += "}}"
                }
                o += "}"
            }
            o += "}}"
        }
        o += "],\"facets\":{"
        for (i, f) in result.facets.enumerated() {
            if i > 0 { o += "," }
            appendJSONString(f.name, to: &o)
            o += ":["
            for (k, v) in f.values.enumerated() {
                if k > 0 { o += "," }
                o += "{\"value\":"
                appendJSONString(v.value, to: &o)
                o += ",\"count\":\(v.count)}"
            }
            o += "]"
        }
        return o + "}}\n"
    }

    static func text(_ result: CatalogSearchResult, offset: Int) -> String {
        var o = "\(result.total) hit\(result.total == 1 ? "" : "s")\n"
        for (i, h) in result.hits.enumerated() {
            var line = "\(offset + i + 1). \(h.hit.title)"
            if !h.hit.author.isEmpty { line += " — \(h.hit.author)" }
            if !h.hit.year.isEmpty { line += " (\(h.hit.year))" }
            line += "  [\(h.hit.id)/\(h.hit.agency)]"
            let c = h.holdings.overall
            if c.total > 0 { line += "  \(c.total) cop\(c.total == 1 ? "y" : "ies"), \(c.available) on the shelf" }
            o += line + "\n"
        }
        for f in result.facets where !f.values.isEmpty {
            o += "\(f.name): " + f.values.map { "\($0.value) (\($0.count))" }.joined(separator: ", ") + "\n"
        }
        return o
    }
}
