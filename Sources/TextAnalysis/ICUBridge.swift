internal import CICUShim

/// Calls into the ICU shim (`CICUShim`, plain-C header). Swift code never sees ICU types.
enum ICUBridge {
    /// Runs a shim function of the `(src, srcLen, dst, dstCap, err) -> Int32` shape over UTF-8 bytes.
    /// Returns nil when ICU reports an error (it never does for well-formed input; ill-formed UTF-8 becomes U+FFFD).
    static func transform(
        _ input: UnsafeBufferPointer<UInt8>,
        _ function: (UnsafePointer<UInt8>?, Int32, UnsafeMutablePointer<UInt8>?, Int32, UnsafeMutablePointer<Int32>?) -> Int32
    ) -> [UInt8]? {
        guard input.count < Int(Int32.max / 4) else { return nil }
        var capacity = max(16, input.count * 2 + 8)
        for _ in 0..<3 {
            var err: Int32 = 0
            var written: Int32 = 0
            let result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                written = function(input.baseAddress, Int32(input.count), buffer.baseAddress, Int32(capacity), &err)
                initialized = written > 0 ? Int(written) : 0
            }
            if written == Int32.min { return nil }
            if written >= 0 { return result }
            capacity = min(Int(-written) + 8, Int(Int32.max))
        }
        return nil
    }

    /// Kartotek's Danish character folding (NFKC_Casefold, Danish letter rules, other diacritics removed, NFC).
    static func danishFold(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        transform(input) { kt_danish_fold_utf8($0, $1, $2, $3, $4) }
    }

    /// Canonical composition (NFC).
    static func nfc(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        transform(input) { kt_normalize_utf8(Int32(KT_NFC), $0, $1, $2, $3, $4) }
    }

    /// Danish folding of a Swift string (convenience for tables and tests).
    static func danishFold(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { buffer in
            guard let bytes = danishFold(buffer) else { return text }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// NFC of a Swift string.
    static func nfc(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { buffer in
            guard let bytes = nfc(buffer) else { return text }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
