import MARC
import MARCXML

/// libFuzzer harness: the streaming MARCXML/MARCXchange reader (strict and lenient) and a write-back, and the
/// batch reader with every view walked and materialised.
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
        // The batch path: records laid out as ISO 2709 on this thread from what the parse thread handed over;
        // small batches so that hand-overs are split across calls.
        var batches = MARCXMLBatchReader(bytes: bytes, options: ReadOptions(lenient: lenient))
        var m = 0
        while m < 10_000, let batch = try? batches.nextBatch(maxRecords: 1 + m % 3) {
            m += batch.count
            for view in batch {
                _ = view.rawBytes.count
                for field in view.fields { for subfield in field.subfields { _ = subfield.value.count } }
                _ = try? batches.record(view)
            }
        }
    }
    return 0
}
