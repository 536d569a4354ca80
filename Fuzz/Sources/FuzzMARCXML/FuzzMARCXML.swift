import MARC
import MARCXML

/// libFuzzer harness: the streaming MARCXML/MARCXchange reader (strict and lenient) and a write-back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for lenient in [false, true] {
        var reader = MARCXMLReader(bytes: bytes, options: ReadOptions(lenient: lenient))
        var n = 0
        while n < 10_000, let record = try? reader.next() {
            n += 1
            _ = record.marcXML()
        }
    }
    return 0
}
