// PROVISIONAL: the character-set issue replaces the bodies below with the full decoders.

/// A problem met while decoding a value from a legacy character set.
package struct CharsetIssue: Sendable, Hashable {
    /// Byte offset of the problem within the value.
    package var offset: Int
    /// A human sentence.
    package var message: String
    package init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// MARC-8 → UTF-8 (NFC). Never fails: undecodable bytes become U+FFFD and are reported.
package func decodeMARC8(_ bytes: UnsafeRawBufferPointer) -> (string: String, issues: [CharsetIssue]) {
    var issues: [CharsetIssue] = []
    var scalars = String.UnicodeScalarView()
    for (i, b) in bytes.enumerated() {
        if b < 0x80 { scalars.append(Unicode.Scalar(b)) } else {
            scalars.append("\u{FFFD}")
            issues.append(CharsetIssue(offset: i, message: "MARC-8 byte 0x\(String(b, radix: 16)) not decoded"))
        }
    }
    return (String(scalars), issues)
}

/// danMARC2 character set (Latin-1 + `@` escapes) → UTF-8.
package func decodeDanMARC2(_ bytes: UnsafeRawBufferPointer) -> (string: String, issues: [CharsetIssue]) {
    var scalars = String.UnicodeScalarView()
    for b in bytes { scalars.append(Unicode.Scalar(b)) }
    return (String(scalars), [])
}

/// UTF-8 → danMARC2 character set (Latin-1 + `@` escapes).
package func encodeDanMARC2(_ string: String) -> [UInt8] {
    string.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
}

/// True when the bytes are valid UTF-8, contain at least one multi-byte sequence and no ESC (0x1B): how a
/// UTF-8 record that claims MARC-8 looks.
package func looksLikeUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var multibyte = false
    for b in bytes {
        if b == 0x1B { return false }
        if b >= 0x80 { multibyte = true }
    }
    return multibyte && firstInvalidUTF8Offset(bytes) == nil
}
