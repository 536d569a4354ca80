#if canImport(Glibc)
import Glibc
#endif
import Catalog
import MARC
import SearchIndex
import TextAnalysis

/// Writes the records of an ISO 2709 file as the peers' document JSON lines (the schema of
/// `../shared/peers/gen_docs.py`), so tantivy indexes exactly the records the scale benchmark indexes.
///
/// Each record goes through ``RecordIndexing`` (the same mapping the catalogue indexes): title, authors, subjects,
/// ISBN, year, language, material type, publisher. Holdings are drawn per record from 1,500 agencies by a hash of
/// the record number (1–5 items, 3 in 5 on the shelf), deterministic, so `filtered` queries have agencies to hit.
func exportPeerDocs(input: String, output: String) throws -> [String] {
    let clock = ContinuousClock()
    let t = clock.now
    let fd = open(output + ".tmp", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw MARCError(.io, "cannot create \(output).tmp") }
    var reader = try ISO2709Reader(path: input, options: ReadOptions(lenient: true))
    let indexing = RecordIndexing()
    var out: [UInt8] = []
    out.reserveCapacity(1 << 23)
    var n = 0
    var diags: [MARCError] = []
    func flush() throws {
        try AtomicFile.writeAll(fd: fd, out, path: output + ".tmp")
        out.removeAll(keepingCapacity: true)
    }
    while let batch = try reader.nextBatch(maxRecords: 20_000) {
        for view in batch {
            guard let record = try? MARCRecord(view: view, options: ReadOptions(lenient: true), diagnostics: &diags) else { continue }
            let doc = indexing.document(for: record)
            let isbn = ISBN(doc.fields["isbn"]?.first ?? "")
            var h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
            func next(_ bound: Int) -> Int {
                h ^= h >> 29
                h = h &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 32
                return Int(h % UInt64(bound))
            }
            var holdings: [String] = []
            for _ in 0..<(1 + next(5)) {
                let library = next(1_500)
                let agency = library < 100 ? String(700_000 + library * 100) : String(300_000 + library)
                holdings.append("[\(json(agency)), \(json(next(3) == 0 ? "hb" : "filial\(next(4))")), \(next(5) < 3)]")
            }
            let line = "{\"id\": \(json(doc.id)), \"agency\": \(json(doc.agency)), "
                + "\"title\": \(json((doc.fields["title"] ?? []).joined(separator: " "))), \"subtitle\": \"\", \"nonfiling\": 0, "
                + "\"authors\": [\((doc.fields["author"] ?? []).map(json).joined(separator: ", "))], "
                + "\"subjects\": [\((doc.fields["subject"] ?? []).map(json).joined(separator: ", "))], "
                + "\"year\": \(doc.sortYear ?? 0), \"isbn13\": \(json(isbn.isbn13 ?? isbn.cleaned)), "
                + "\"isbn10\": \(json(isbn.isbn10 ?? "")), \"lang\": \(json(doc.fields["language"]?.first ?? "")), "
                + "\"mtype\": \(json(doc.fields["type"]?.first ?? "")), "
                + "\"publisher\": \(json(doc.fields["publisher"]?.first ?? "")), \"abstract\": \"\", "
                + "\"holdings\": [\(holdings.joined(separator: ", "))]}\n"
            out.append(contentsOf: line.utf8)
            n += 1
            if out.count >= 1 << 23 { try flush() }
        }
    }
    try flush()
    guard fsync(fd) == 0, close(fd) == 0, rename(output + ".tmp", output) == 0 else {
        throw MARCError(.io, "cannot finish \(output)")
    }
    return [jsonLine([("bench", "export-docs"), ("records", n), ("seconds", seconds(clock.now - t)), ("output", output)])]
}

/// A JSON string literal (MARC's writer).
private func json(_ s: String) -> String {
    var out = ""
    appendJSONString(s, to: &out)
    return out
}
