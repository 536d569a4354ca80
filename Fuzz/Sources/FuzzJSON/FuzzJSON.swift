import MARC

/// libFuzzer harness: MARC-in-JSON Lines, strict and lenient, and a write-back of what was read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for lenient in [false, true] {
        var reader = MARCJSONReader(bytes: bytes, options: ReadOptions(lenient: lenient))
        var n = 0
        while n < 10_000, let record = try? reader.next() {
            n += 1
            _ = try? MARCRecord(marcJSON: record.marcJSON)
            _ = try? record.iso2709Bytes()
        }
    }
    return 0
}
