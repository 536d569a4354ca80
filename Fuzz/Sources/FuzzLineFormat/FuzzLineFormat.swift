import MARC

/// libFuzzer harness: the danMARC2 line-format reader (strict and lenient) and writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for lenient in [false, true] {
        guard var reader = try? LineFormatReader(bytes: bytes, options: ReadOptions(lenient: lenient)) else { continue }
        var n = 0
        while n < 10_000, let record = try? reader.next() {
            n += 1
            _ = try? LineFormatWriter(encoding: .danmarc2).bytes(for: record)
            _ = record.lineFormat()
        }
    }
    return 0
}
