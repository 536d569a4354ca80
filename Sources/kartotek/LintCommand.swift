import MARC

/// `kartotek lint`: read leniently and report every problem: framing repairs, encoding, and field-shape findings.
enum LintCommand {
    static let usage = "usage: kartotek lint [--from auto|iso2709|marcxml|line|json] INPUT ..."

    static func run(_ args: [String]) throws(CLIError) -> Int32 {
        let a: Arguments
        let from: String
        do {
            a = try Arguments(args, valued: ["--from"], flags: [])
            from = try a.choice("--from", ["auto", "iso2709", "marcxml", "line", "json"], default: "auto")
        } catch { throw .usage(error) }
        guard !a.operands.isEmpty else { throw .usage(UsageError("lint needs at least one INPUT")) }
        let out = OutputSink(path: nil)
        var findings = 0
        var records = 0
        for path in a.operands {
            var input = try RecordInput(
                path: path, format: from == "auto" ? nil : RecordFormat(rawValue: from),
                options: ReadOptions(lenient: true))
            var number = 0
            do throws(MARCError) {
                while let record = try input.next() {
                    number += 1
                    records += 1
                    for finding in RecordLint.check(record) {
                        findings += 1
                        out.write("\(path): record \(number)\(record.identifier.map { " (\($0))" } ?? ""): \(finding)\n")
                    }
                }
            } catch {
                findings += 1
                out.write("\(error)\n")
            }
            for d in input.diagnostics {
                findings += 1
                out.write("\(d)\n")
            }
        }
        out.write("\(records) record(s), \(findings) finding(s)\n")
        do { try out.close() } catch { throw .input(error) }
        return findings > 0 ? 1 : 0
    }
}

/// Field-shape checks for MARC21 and danMARC2 records.
enum RecordLint {
    static func check(_ record: MARCRecord) -> [String] {
        var out: [String] = []
        let danmarc = record.isDanMARC2
        let leader = record.leader
        if !danmarc {
            if !"acdnp".contains(leader.status) { out.append("leader/05 record status '\(leader.status)' is not a MARC21 code") }
            if !"acdefgijkmoprtuvxyz".contains(leader.typeOfRecord) {
                out.append("leader/06 type of record '\(leader.typeOfRecord)' is not a MARC21 code")
            }
            if !" a".contains(leader.characterCoding) { out.append("leader/09 '\(leader.characterCoding)' is neither blank nor 'a'") }
        }
        if leader.number(20..<24) != 4500 && !danmarc { out.append("leader/20-23 is not 4500") }
        if record["001"] == nil { out.append("no 001 field") }
        for field in record.fields {
            let tag = field.tag
            if !tag.isWellFormed { out.append("field tag \(tag) is not printable ASCII") }
            if !danmarc && !tag.isNumeric && !tag.isControlRange {
                out.append("field tag \(tag) is not numeric (MARC21)")
            }
            switch field.content {
            case .control(let value):
                if !danmarc && tag == "008" && value.unicodeScalars.count != 40 && leader.typeOfRecord != "z" {
                    out.append("008 is \(value.unicodeScalars.count) characters, 40 expected")
                }
            case .data(let indicators, let subfields):
                if indicators.scalars.count != 2 { out.append("field \(tag) has \(indicators.scalars.count) indicators") }
                for ind in indicators.scalars where !(ind == " " || ("0"..."9").contains(ind) || ("a"..."z").contains(ind)) {
                    out.append("field \(tag) has indicator '\(ind)'")
                }
                if subfields.isEmpty { out.append("field \(tag) has no subfields") }
                for sub in subfields {
                    let c = sub.code
                    let ok = ("a"..."z").contains(c) || ("0"..."9").contains(c)
                        || (danmarc && (("A"..."Z").contains(c) || "æøåÆØÅ&".unicodeScalars.contains(c)))
                    if !ok { out.append("field \(tag) has subfield code '\(c)'") }
                }
            }
        }
        if record["245"] == nil && (danmarc || "acdijmt".contains(leader.typeOfRecord)) {
            out.append("no 245 title field")
        }
        return out
    }
}
