import MARC

// libFuzzer harness: the ISO 2709 reader, strict and lenient, plus the writer, MARC-in-JSON and text output on
// whatever was recovered, and the parallel parser.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
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
    _ = try? ISO2709Reader.parseParallel(storage: ByteStorage(copying: bytes), options: ReadOptions(lenient: true), chunks: 3)
    return 0
}
