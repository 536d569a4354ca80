import Catalog
import MARC

/// Reads whole files of records and holdings for the catalogue commands.
enum CatalogueInput {
    /// Every record in the files (format detected), strict unless `lenient`; diagnostics go to stderr.
    static func records(_ paths: [String], lenient: Bool) throws(CLIError) -> [MARCRecord] {
        var out: [MARCRecord] = []
        for path in paths {
            var input = try RecordInput(path: path, format: nil, options: ReadOptions(lenient: lenient))
            do throws(MARCError) {
                while let r = try input.next() { out.append(r) }
            } catch {
                throw .input(error)
            }
            for d in input.diagnostics { printError("kartotek: \(d)") }
        }
        return out
    }

    /// Holdings from JSON Lines files plus the holdings fields of the records (danMARC2 096, MARC21 852/876).
    static func holdings(_ paths: [String], records: [MARCRecord], lenient: Bool) throws(CLIError) -> [HoldingsItem] {
        var items: [HoldingsItem] = []
        for path in paths {
            do {
                let (read, skipped) = try HoldingsItem.readJSONLines(path: path, lenient: lenient)
                items += read
                for s in skipped { printError("kartotek: \(s)") }
            } catch {
                throw .input(MARCError(.json, error.description, file: path))
            }
        }
        for r in records {
            items += r.isDanMARC2 ? HoldingsItem.fromDanMARC2(r) : HoldingsItem.fromMARC21(r)
        }
        return items
    }
}
