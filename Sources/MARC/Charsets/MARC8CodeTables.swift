/// The Library of Congress MARC-8 code tables, parsed once from the generated
/// `MARC8Tables.swift` (see `Scripts/generate_charset_tables.py`).
struct MARC8CodeTables: Sendable {
    /// The tables, built on first use (Swift statics are lazy and thread-safe).
    static let shared = MARC8CodeTables()

    /// Flag bit in a single-byte entry marking a combining (non-spacing) character.
    static let combiningFlag: UInt32 = 1 << 31

    /// 94 entries (positions 0x21...0x7E) per single-byte set; 0 = unmapped.
    private var singleByte: [UInt32] = []
    /// Set index per final byte (index into `singleByte` / 94), -1 when not a single-byte set.
    private var setIndexByFinal = [Int8](repeating: -1, count: 128)
    /// EACC codes (3 bytes, each 0x21...0x7E) sorted ascending, and their scalars.
    private var eaccCodes: [UInt32] = []
    private var eaccScalars: [UInt16] = []

    private init() {
        for (index, final) in MARC8PackedTables.singleByteFinals.enumerated() {
            setIndexByFinal[Int(final & 0x7F)] = Int8(index)
        }
        var reader = PackedHexReader(MARC8PackedTables.singleByteSets)
        singleByte.reserveCapacity(94 * MARC8PackedTables.singleByteFinals.count)
        while !reader.isAtEnd {
            let flag = reader.read(1)
            let scalar = reader.read(5)
            singleByte.append(flag != 0 ? scalar | Self.combiningFlag : scalar)
        }
        reader = PackedHexReader(MARC8PackedTables.eacc)
        eaccCodes.reserveCapacity(16_000)
        eaccScalars.reserveCapacity(16_000)
        while !reader.isAtEnd {
            eaccCodes.append(reader.read(6))
            eaccScalars.append(UInt16(truncatingIfNeeded: reader.read(4)))
        }
    }

    /// Whether `final` names a graphic set this decoder knows.
    func isKnownSet(_ final: UInt8) -> Bool {
        final == MARC8Charset.eacc.rawValue || (final < 0x80 && setIndexByFinal[Int(final)] >= 0)
    }

    /// Looks up a single-byte character: `position` is the byte with its high bit cleared.
    /// Returns the scalar with ``combiningFlag`` set for combining marks, or nil.
    @inline(__always)
    func lookup(set final: UInt8, position: UInt8) -> UInt32? {
        guard final < 0x80, position >= 0x21, position <= 0x7E else { return nil }
        let setIndex = setIndexByFinal[Int(final)]
        guard setIndex >= 0 else { return nil }
        let entry = singleByte[Int(setIndex) * 94 + Int(position - 0x21)]
        return entry == 0 ? nil : entry
    }

    /// Looks up an EACC character from its three bytes (high bits cleared).
    func lookupEACC(_ code: UInt32) -> UInt32? {
        guard let index = charsetBinarySearch(eaccCodes, code) else { return nil }
        return UInt32(eaccScalars[index])
    }

    /// Number of EACC entries (for tests and documentation).
    var eaccCount: Int { eaccCodes.count }
}

/// Final bytes of the MARC-8 graphic character sets (ISO 2022 escape sequences).
enum MARC8Charset: UInt8 {
    case basicLatin = 0x42  // B
    case ansel = 0x45  // E
    case greekSymbols = 0x67  // g
    case subscripts = 0x62  // b
    case superscripts = 0x70  // p
    case basicHebrew = 0x32  // 2
    case basicCyrillic = 0x4E  // N
    case extendedCyrillic = 0x51  // Q
    case basicArabic = 0x33  // 3
    case extendedArabic = 0x34  // 4
    case basicGreek = 0x53  // S
    case eacc = 0x31  // 1 (multibyte)
}
