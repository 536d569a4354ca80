import MARC
import MARCXML

/// `kartotek convert`: read records in one format, write them in another.
enum ConvertCommand {
    static let usage = """
        usage: kartotek convert [--from auto|iso2709|marcxml|line|json] [--to iso2709|marcxml|line|json|text]
                                [--encoding auto|utf8|marc8|danmarc2] [--lenient] [-o OUT] [INPUT ...|-]
        """

    static func run(_ args: [String]) throws(CLIError) -> Int32 {
        let a: Arguments
        do {
            a = try Arguments(args, valued: ["--from", "--to", "--encoding", "-o", "--output"], flags: ["--lenient"])
        } catch { throw .usage(error) }
        let from: String
        let to: String
        let encoding: String
        do {
            from = try a.choice("--from", ["auto", "iso2709", "marcxml", "line", "json"], default: "auto")
            to = try a.choice("--to", ["iso2709", "marcxml", "line", "json", "text"], default: "json")
            encoding = try a.choice("--encoding", ["auto", "utf8", "marc8", "danmarc2"], default: "auto")
        } catch { throw .usage(error) }
        let lenient = a.flag("--lenient")
        let options = ReadOptions(lenient: lenient, encoding: encoding == "auto" ? nil : RecordEncoding(rawValue: encoding))
        let inputs = a.operands.isEmpty ? ["-"] : a.operands
        let out = OutputSink(path: a.value("-o") ?? a.value("--output"))
        guard let target = RecordFormat(rawValue: to) else { throw .usage(UsageError("unknown format \(to)")) }
        var writer = RecordWriter(format: target, sink: out)
        var problems = 0
        for path in inputs {
            var input = try RecordInput(path: path, format: from == "auto" ? nil : RecordFormat(rawValue: from), options: options)
            do throws(MARCError) {
                while var record = try input.next() {
                    if record.wasRepaired { record.forgetOriginalBytes() }
                    try writer.write(record)
                }
            } catch {
                for d in input.diagnostics { printError("kartotek: \(d)") }
                throw .input(error)
            }
            for d in input.diagnostics { printError("kartotek: \(d)") }
            problems += input.diagnostics.count
        }
        do {
            try writer.finish()
            try out.close()
        } catch { throw .input(error) }
        return problems > 0 ? 1 : 0
    }
}

/// Writes records in one output format.
struct RecordWriter {
    let format: RecordFormat
    let sink: OutputSink
    private var count = 0
    private var xml: MARCXMLWriter?

    init(format: RecordFormat, sink: OutputSink) {
        self.format = format
        self.sink = sink
    }

    mutating func write(_ record: MARCRecord) throws(MARCError) {
        count += 1
        switch format {
        case .iso2709: sink.write(bytes: try record.iso2709Bytes())
        case .json: sink.write(record.marcJSON + "\n")
        case .text: sink.write(record.textDump + "\n")
        case .line: sink.write(bytes: try LineFormatWriter().bytes(for: record))
        case .marcxml:
            if xml == nil {
                // One namespace per document: MARCXchange when the first record is danMARC2, else MARC21 slim.
                let writer = MARCXMLWriter(flavor: record.isDanMARC2 ? .marcxchange : .marc21)
                sink.write(writer.header)
                xml = writer
            }
            if let xml { sink.write(xml.fragment(record)) }
        }
    }

    mutating func finish() throws(MARCError) {
        if format == .marcxml {
            let writer = xml ?? MARCXMLWriter()
            if xml == nil { sink.write(writer.header) }
            sink.write(writer.footer)
        }
    }
}
