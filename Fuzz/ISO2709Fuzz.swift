// libFuzzer harness: the ISO 2709 reader, strict and lenient, plus the writer on whatever was recovered.
// Built together with Sources/MARC by Fuzz/run.sh (`swiftc -sanitize=fuzzer,address`).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzISO2709(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for lenient in [false, true] {
        var reader = ISO2709Reader(bytes: bytes, options: ReadOptions(lenient: lenient))
        var count = 0
        while count < 10_000 {
            guard let record = try? reader.next() else { break }
            count += 1
            var copy = record
            copy.forgetOriginalBytes()
            if let written = try? copy.iso2709Bytes() {
                var again = ISO2709Reader(bytes: written)
                _ = try? again.next()
            }
            _ = record.marcJSON
            _ = record.textDump
        }
    }
    var json = MARCJSONReader(bytes: bytes, options: ReadOptions(lenient: true))
    var n = 0
    while n < 10_000, (try? json.next()) != nil { n += 1 }
    return 0
}
