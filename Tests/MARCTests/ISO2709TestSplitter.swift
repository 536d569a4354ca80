/// A deliberately tiny ISO 2709 splitter for the character-set tests, mirroring pymarc's
/// `Record.decode_marc` field extraction so that digests line up with
/// `Tests/Scripts/marc8_reference.py`. It is not the project's ISO 2709 reader.
enum ISO2709TestSplitter {
    /// One data field: its tag and raw subfield values (code byte removed).
    struct DataField {
        var tag: [UInt8]
        var values: [[UInt8]]
    }

    /// Cuts after every 0x1D; each piece keeps its terminator. Trailing bytes are ignored.
    static func records(_ data: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var start = 0
        for (index, byte) in data.enumerated() where byte == 0x1D {
            out.append(Array(data[start...index]))
            start = index + 1
        }
        return out
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: " ")
        return Int(text)
    }

    /// Data fields (pymarc's rule: not `tag < "010"` with an all-digit tag; danMARC2 gives
    /// every field subfields, so `allFields` keeps them all), or nil when the leader or
    /// directory cannot be read.
    static func dataFields(_ record: [UInt8], allFields: Bool = false) -> [DataField]? {
        guard record.count >= 24, let base = number(record[12..<17]), base > 24, base < record.count else {
            return nil
        }
        let directory = record[24..<(base - 1)]
        guard directory.count % 12 == 0 else { return nil }
        var fields: [DataField] = []
        for entryStart in stride(from: directory.startIndex, to: directory.endIndex, by: 12) {
            let tag = Array(record[entryStart..<entryStart + 3])
            guard let length = number(record[entryStart + 3..<entryStart + 7]),
                let offset = number(record[entryStart + 7..<entryStart + 12])
            else { return nil }
            let isControl =
                tag.allSatisfy { (0x30...0x39).contains($0) } && tag.lexicographicallyPrecedes(Array("010".utf8))
            if isControl, !allFields { continue }
            // Python slice semantics: clip both ends, empty when start >= end.
            let start = min(base + offset, record.count)
            let end = max(start, min(base + offset + length - 1, record.count))
            let chunks = record[start..<end].split(separator: 0x1F, omittingEmptySubsequences: false)
            let values = chunks.dropFirst().filter { !$0.isEmpty }.map { Array($0.dropFirst()) }
            fields.append(DataField(tag: tag, values: values))
        }
        return fields
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var slice = Substring(self)
        while slice.first == character { slice.removeFirst() }
        while slice.last == character { slice.removeLast() }
        return String(slice)
    }
}
