import Catalog
import MARC

/// `kartotek show`: one record as an agency sees it.
enum ShowCommand {
    static let usage = "usage: kartotek show -i INDEX [--agency ID] [--format line|json|marcxml|text] RECORD-ID"

    static func run(_ args: [String]) throws(CLIError) -> Int32 {
        let a: Arguments
        let format: String
        do {
            a = try Arguments(args, valued: ["-i", "--index", "--agency", "--format"], flags: [])
            format = try a.choice("--format", ["line", "json", "marcxml", "text"], default: "text")
        } catch { throw .usage(error) }
        guard let index = a.value("-i") ?? a.value("--index") else { throw .usage(UsageError("show needs -i INDEX")) }
        guard a.operands.count == 1, let id = a.operands.first else { throw .usage(UsageError("show needs one RECORD-ID")) }
        let catalogue: Catalogue
        do {
            catalogue = try Catalogue(directory: index)
        } catch {
            throw .input(MARCError(.io, error.description, file: index))
        }
        guard let record = catalogue.record(id: id, for: a.value("--agency")) else {
            printError("kartotek show: no record \(id)\(a.value("--agency").map { " for agency \($0)" } ?? "")")
            return 1
        }
        return try emit([record], format: format)
    }

    static func emit(_ records: [MARCRecord], format: String) throws(CLIError) -> Int32 {
        let out = OutputSink(path: nil)
        guard let target = RecordFormat(rawValue: format) else { throw .usage(UsageError("unknown format \(format)")) }
        var writer = RecordWriter(format: target, sink: out)
        do {
            for r in records { try writer.write(r) }
            try writer.finish()
            try out.close()
        } catch { throw .input(error) }
        return 0
    }
}

/// `kartotek merge`: an enrichment record merged onto its common record by DBC's rules.
enum MergeCommand {
    static let usage = "usage: kartotek merge [--format line|json|marcxml|text] COMMON-RECORD ENRICHMENT-RECORD"

    static func run(_ args: [String]) throws(CLIError) -> Int32 {
        let a: Arguments
        let format: String
        do {
            a = try Arguments(args, valued: ["--format"], flags: [])
            format = try a.choice("--format", ["line", "json", "marcxml", "text"], default: "line")
        } catch { throw .usage(error) }
        guard a.operands.count == 2 else { throw .usage(UsageError("merge needs COMMON-RECORD and ENRICHMENT-RECORD")) }
        let common = try CatalogueInput.records([a.operands[0]], lenient: false)
        let enrichment = try CatalogueInput.records([a.operands[1]], lenient: false)
        guard let c = common.first, let e = enrichment.first else {
            printError("kartotek merge: each file must hold a record")
            return 1
        }
        let merged = EnrichmentMerger().merge(common: c, enrichment: e, requester: e.agency)
        return try ShowCommand.emit([merged], format: format)
    }
}

/// `kartotek match`: existing titles for each incoming record (acquisitions).
enum MatchCommand {
    static let usage = "usage: kartotek match -i INDEX [--format text|json] [--limit N] INPUT"

    static func run(_ args: [String]) throws(CLIError) -> Int32 {
        let a: Arguments
        let format: String
        let limit: Int
        do {
            a = try Arguments(args, valued: ["-i", "--index", "--format", "--limit"], flags: [])
            format = try a.choice("--format", ["text", "json"], default: "text")
            limit = try a.integer("--limit", default: 5)
        } catch { throw .usage(error) }
        guard let index = a.value("-i") ?? a.value("--index") else { throw .usage(UsageError("match needs -i INDEX")) }
        guard !a.operands.isEmpty else { throw .usage(UsageError("match needs an INPUT")) }
        let incoming = try CatalogueInput.records(a.operands, lenient: false)
        let catalogue: Catalogue
        do {
            catalogue = try Catalogue(directory: index)
        } catch {
            throw .input(MARCError(.io, error.description, file: index))
        }
        let matcher = catalogue.matcher()
        let out = OutputSink(path: nil)
        for (n, record) in incoming.enumerated() {
            let matches = matcher.matches(for: record, limit: limit)
            let title = record["245"]?["a"] ?? ""
            if format == "json" {
                var o = "{\"record\":\(n + 1),\"id\":"
                appendJSONString(record.identifier ?? "", to: &o)
                o += ",\"title\":"
                appendJSONString(title, to: &o)
                o += ",\"matches\":["
                for (k, m) in matches.enumerated() {
                    if k > 0 { o += "," }
                    o += "{\"id\":"
                    appendJSONString(m.record?.id ?? "", to: &o)
                    o += ",\"agency\":"
                    appendJSONString(m.record?.agency ?? "", to: &o)
                    o += ",\"score\":\((m.score * 1000).rounded() / 1000),\"reason\":"
                    appendJSONString(m.explanation, to: &o)
                    o += "}"
                }
                out.write(o + "]}\n")
            } else {
                out.write("\(n + 1). \(title)\(record.identifier.map { " [\($0)]" } ?? "")\n")
                if matches.isEmpty { out.write("   no existing title\n") }
                for m in matches {
                    let existing = m.record.flatMap { catalogue.record(id: $0.id, for: $0.agency == Agency.common ? nil : $0.agency) }
                    let t = existing?["245"]?["a"] ?? ""
                    out.write("   \(String(format3(m.score)))  \(m.record?.description ?? "?")  \(t) — \(m.explanation)\n")
                }
            }
        }
        do { try out.close() } catch { throw .input(error) }
        return 0
    }

    static func format3(_ d: Double) -> String {
        let v = (d * 100).rounded() / 100
        return String(v)
    }
}
