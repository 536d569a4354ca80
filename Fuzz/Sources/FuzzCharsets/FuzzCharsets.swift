import MARC

/// libFuzzer harness: the MARC-8 and danMARC2 decoders (and the danMARC2 encoder) on arbitrary value bytes,
/// reached through the public reader: the input becomes the value of one subfield of a minimal ISO 2709 record.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let value = Array(UnsafeBufferPointer(start: data, count: min(size, 9_000))).map { $0 == 0x1D || $0 == 0x1E || $0 == 0x1F ? 0x20 : $0 }
    var field: [UInt8] = [0x20, 0x20, 0x1F, UInt8(ascii: "a")] + value + [0x1E]
    let directory = Array("245".utf8) + digits(field.count, 4) + digits(0, 5) + [0x1E]
    let base = 24 + directory.count
    let length = base + field.count + 1
    var record = digits(length, 5) + Array("nam  22".utf8) + digits(base, 5) + Array("   4500".utf8)
    record += directory
    record += field
    record.append(0x1D)
    field.removeAll()
    for encoding in [RecordEncoding.marc8, .danmarc2, .utf8] {
        var reader = ISO2709Reader(bytes: record, options: ReadOptions(lenient: true, encoding: encoding))
        if let r = try? reader.next() {
            var copy = r
            copy.forgetOriginalBytes()
            _ = try? copy.iso2709Bytes(encoding: .danmarc2)
            _ = r.marcJSON
        }
    }
    return 0
}

func digits(_ value: Int, _ width: Int) -> [UInt8] {
    var out = [UInt8](repeating: 0x30, count: width)
    var v = value
    for i in stride(from: width - 1, through: 0, by: -1) {
        out[i] = UInt8(0x30 + v % 10)
        v /= 10
    }
    return out
}
