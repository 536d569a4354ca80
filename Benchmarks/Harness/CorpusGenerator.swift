#if canImport(Glibc)
import Glibc
#endif
import MARC
import TextAnalysis

/// A deterministic generator of realistic synthetic bibliographic records for benchmarks and scale tests.
///
/// Same seed, same bytes. Records are a mix of danMARC2 (agency 870970, faust numbers with check digits) and
/// MARC21, with Danish and foreign titles drawn from a Zipf-distributed vocabulary that keeps growing with the
/// corpus (new invented words appear at a rate that follows Heaps' law), authors from first-name × surname pools,
/// subjects, valid ISBN-13s, years 1850–2025, languages, publishers, and holdings for up to `libraries` agencies.
/// Output streams to disk in chunks, so 10 M records need no more memory than one chunk.
struct CorpusGenerator {
    struct Options {
        var records = 100_000
        var seed: UInt64 = 1
        var danMARC2Fraction = 0.5
        var libraries = 1_500
        var format = "iso2709"  // iso2709 | json
    }

    let options: Options
    private var rng: SplitMix64
    /// A separate stream for holdings, so records are the same with or without them.
    private var holdingsRNG: SplitMix64
    private let analyzer = DanishAnalyzer()

    init(options: Options) {
        self.options = options
        rng = SplitMix64(seed: options.seed)
        holdingsRNG = SplitMix64(seed: options.seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    static let danishWords = """
        hus have by land hav skov sø vej bog barn mor far kærlighed krig fred nat dag sommer vinter forår efterår \
        rejse hjem fortælling historie liv død sandhed drøm hjerte sjæl lys mørke vind regn sne sol måne stjerne \
        ø fjord kyst mark eng bjerg dal flod bro kirke slot skole bibliotek køkken mad brød grød blåbær æble \
        pige dreng konge dronning prins prinsesse ridder heks trold ælling nattergal soldat sømand fisker bonde \
        gade torv havn skib tog cykel bil rejsen byen landet huset haven skoven søen vejen bogen barnet \
        aalborg århus aarhus odense københavn esbjerg randers kolding vejle horsens roskilde næstved svendborg \
        grønland færøerne jylland fyn sjælland bornholm lolland falster møn læsø samsø ærø als \
        danmarks historie kunst musik teater film digte noveller roman erindringer breve dagbog essays \
        guide håndbog opskrifter madlavning haveliv fugle planter dyr natur klima energi politik samfund \
        økonomi filosofi religion psykologi pædagogik sundhed krop sind sprog grammatik ordbog atlas
        """.split(separator: " ").map(String.init)
    static let foreignWords = """
        the of and night day love war peace house garden city sea forest lake road book child mother father \
        journey home story life death truth dream heart soul light dark wind rain snow sun moon star island \
        der die das und liebe krieg frieden haus stadt meer wald le la les et amour guerre paix maison ville \
        mer forêt el los y amor guerra paz casa ciudad mar bosque history art music theatre poems letters \
        guide handbook recipes cooking birds plants animals nature climate energy politics society economy \
        philosophy religion psychology health language dictionary atlas programming software computer data
        """.split(separator: " ").map(String.init)
    static let firstNames = """
        Søren Karen Hans Christian Tove Peter Jussi Helle Dorthe Suzanne Klaus Inger Ib Carsten Kim Naja Olga \
        Yahya Anne Mette Lars Jens Niels Ole Henrik Morten Pia Lone Kirsten Birgitte Ida Emma Freja Mads Frederik \
        Astrid Selma Knut Henrik Johan August Virginia Jane Charles Leo Fjodor Marcel Thomas Franz Gabriel Haruki
        """.split(separator: " ").map(String.init)
    static let surnames = """
        Kierkegaard Blixen Andersen Pontoppidan Scherfig Ditlevsen Høeg Adler-Olsen Helle Nors Brøgger Rifbjerg \
        Christensen Thomsen Michael Jensen Leine Aidt Ravn Hassan Nielsen Hansen Pedersen Larsen Sørensen \
        Rasmussen Jørgensen Petersen Madsen Kristensen Olsen Thomsen Poulsen Johansen Møller Mortensen \
        Lindgren Lagerlöf Hamsun Ibsen Strindberg Woolf Austen Dickens Tolstoj Dostojevskij Proust Mann Kafka
        """.split(separator: " ").map(String.init)
    static let publishers = [
        "Gyldendal", "Lindhardt og Ringhof", "Politiken", "Rosinante", "Gad", "People's Press", "Forlaget Alfa",
        "Hans Reitzel", "Samleren", "Tiderne Skifter", "Penguin", "Vintage", "Suhrkamp", "Gallimard",
    ]
    static let languages = ["dan", "dan", "dan", "dan", "eng", "eng", "swe", "nor", "ger", "fre"]
    static let materialTypes = ["a", "a", "a", "a", "a", "a", "m", "s", "r", "t"]

    /// A Zipf-ish word: small ranks are common; past the fixed pools, invented words grow the vocabulary.
    mutating func word(index n: Int, danish: Bool) -> String {
        let pool = danish ? Self.danishWords : Self.foreignWords
        // Heaps' law: the vocabulary size grows like K·n^0.5.
        let vocabulary = pool.count + Int(Double(n).squareRoot() * 2)
        let u = rng.nextDouble()
        let rank = Int(Double(vocabulary) * u * u * u)  // skewed towards low ranks
        if rank < pool.count { return pool[rank] }
        return Self.invented(rank, danish: danish)
    }

    static func invented(_ rank: Int, danish: Bool) -> String {
        let syllables = danish
            ? ["kar", "sø", "ble", "mø", "dan", "ri", "kå", "lyn", "sten", "hav", "bæk", "æl", "tor", "vik", "lund"]
            : ["ka", "ri", "to", "mel", "san", "dor", "vel", "an", "tis", "mo", "ler", "quin", "bra", "zu", "pet"]
        var r = rank
        var s = ""
        repeat {
            s += syllables[r % syllables.count]
            r /= syllables.count
        } while r > 0
        return s
    }

    mutating func title(_ n: Int, danish: Bool) -> String {
        let words = 1 + rng.next(4)
        var parts: [String] = []
        for _ in 0..<words { parts.append(word(index: n, danish: danish)) }
        var t = parts.joined(separator: " ")
        if let first = t.first { t.replaceSubrange(t.startIndex...t.startIndex, with: String(first).uppercased()) }
        return t
    }

    mutating func isbn13() -> String {
        var digits = [9, 7, 8, 8, 7]
        for _ in 0..<7 { digits.append(rng.next(10)) }
        var sum = 0
        for (i, d) in digits.enumerated() { sum += d * (i % 2 == 0 ? 1 : 3) }
        digits.append((10 - sum % 10) % 10)
        return digits.map(String.init).joined()
    }

    static func faust(_ n: Int) -> String {
        // An 8-digit body (10,000,000 + 2n, or + 2n + 1 when 2n has no check digit) and a modulus-11 check digit:
        // 9-digit faust numbers, unique for the first 44,999,999 records.
        let even = String(10_000_000 + 2 * (n % 44_999_999))
        if let check = Faust.checkDigit(for: even) { return even + String(check) }
        let odd = String(10_000_001 + 2 * (n % 44_999_999))
        return odd + String(Faust.checkDigit(for: odd) ?? 0)
    }

    /// The n-th record.
    mutating func record(_ n: Int) -> MARCRecord {
        let danish = rng.nextDouble() < options.danMARC2Fraction
        let language = Self.languages[rng.next(Self.languages.count)]
        let danishText = language == "dan" || language == "nor" || language == "swe"
        let mainTitle = title(n, danish: danishText)
        let sub = rng.next(3) == 0 ? title(n, danish: danishText) : nil
        let first = Self.firstNames[rng.next(Self.firstNames.count)]
        let last = Self.surnames[rng.next(Self.surnames.count)]
        let year = 1850 + Int(Double(175) * rng.nextDouble().squareRoot())
        let publisher = Self.publishers[rng.next(Self.publishers.count)]
        let isbn = isbn13()
        let subjects = (0..<(1 + rng.next(3))).map { _ in word(index: n, danish: true) }
        let type = Self.materialTypes[rng.next(Self.materialTypes.count)]
        if danish {
            let article = danishText && rng.next(8) == 0 ? "Den ¤" : ""
            var fields: [Field] = [
                Field(tag: "001", indicators: ("0", "0"), subfields: [
                    Subfield("a", Self.faust(n)), Subfield("b", "870970"), Subfield("c", "20240101120000"),
                    Subfield("d", "20240101"), Subfield("f", "a"),
                ]),
                Field(tag: "004", indicators: ("0", "0"), subfields: [Subfield("r", "n"), Subfield("a", "e")]),
                Field(tag: "008", indicators: ("0", "0"), subfields: [
                    Subfield("t", "m"), Subfield("a", String(year)), Subfield("b", "dk"), Subfield("l", language),
                ]),
                Field(tag: "009", indicators: ("0", "0"), subfields: [Subfield("a", type), Subfield("g", "xx")]),
                Field(tag: "021", indicators: ("0", "0"), subfields: [Subfield("e", isbn)]),
                Field(tag: "100", indicators: ("0", "0"), subfields: [Subfield("a", last), Subfield("h", first)]),
                Field(tag: "245", indicators: ("0", "0"), subfields:
                    [Subfield("a", article + mainTitle)] + (sub.map { [Subfield("c", $0)] } ?? [])),
                Field(tag: "260", indicators: ("0", "0"), subfields: [
                    Subfield("a", "København"), Subfield("b", publisher), Subfield("c", String(year)),
                ]),
                Field(tag: "300", indicators: ("0", "0"), subfields: [Subfield("a", "\(80 + rng.next(500)) sider")]),
            ]
            for s in subjects { fields.append(Field(tag: "666", indicators: ("0", "0"), subfields: [Subfield("s", s)])) }
            fields.append(Field(tag: "652", indicators: ("0", "0"), subfields: [Subfield("m", rng.next(2) == 0 ? "sk" : "\(10 + rng.next(89)).\(rng.next(9))")]))
            return MARCRecord(leader: Leader(ascii: "00000n    2200000   4500"), fields: fields)
        }
        let yearText = String(year)
        let f008 = "240101s\(yearText)    dk            000 1 \(language) d"
        var fields: [Field] = [
            Field(tag: "001", value: "kt\(n)"),
            Field(tag: "003", value: "KT"),
            Field(tag: "008", value: f008),
            Field(tag: "020", subfields: [Subfield("a", isbn)]),
            Field(tag: "100", indicators: ("1", " "), subfields: [Subfield("a", "\(last), \(first).")]),
            Field(tag: "245", indicators: ("1", "0"), subfields:
                [Subfield("a", mainTitle + (sub == nil ? "." : " :"))] + (sub.map { [Subfield("b", $0 + ".")] } ?? [])),
            Field(tag: "264", indicators: (" ", "1"), subfields: [
                Subfield("a", "London :"), Subfield("b", publisher + ","), Subfield("c", yearText + "."),
            ]),
            Field(tag: "300", subfields: [Subfield("a", "\(80 + rng.next(500)) pages")]),
        ]
        for s in subjects { fields.append(Field(tag: "650", indicators: (" ", "0"), subfields: [Subfield("a", s.capitalized)])) }
        let leaderType = type == "m" ? "g" : type == "s" ? "j" : "a"
        return MARCRecord(leader: Leader(ascii: "00000n\(leaderType)m a2200000 i 4500"), fields: fields)
    }

    /// Holdings lines (DESIGN.md's JSON Lines) for record n: 0–8 items spread over the libraries.
    mutating func holdings(_ n: Int, recordId: String) -> String {
        var out = ""
        var rng = holdingsRNG
        defer { holdingsRNG = rng }
        let items = rng.next(9)
        for k in 0..<items {
            let library = rng.next(options.libraries)
            let agency = library < 100 ? String(700_000 + library * 100) : String(300_000 + library)
            let statuses = ["onShelf", "onShelf", "onShelf", "onLoan", "onLoan", "ordered", "lost"]
            out += "{\"agency\":\"\(agency)\",\"recordId\":\"\(recordId)\",\"branch\":\"\(agency)-\(rng.next(4))\","
                + "\"department\":\"Voksen\",\"location\":\"Skønlitteratur\",\"sublocation\":\"\","
                + "\"itemId\":\"\(agency)\(n)x\(k)\",\"status\":\"\(statuses[rng.next(statuses.count)])\"}\n"
        }
        return out
    }

    /// Writes `options.records` records to `path` (and holdings to `holdingsPath` when given), streaming.
    mutating func write(to path: String, holdingsPath: String?) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw MARCError(.io, "cannot create \(path)") }
        defer { close(fd) }
        var hfd: Int32 = -1
        if let holdingsPath {
            hfd = open(holdingsPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard hfd >= 0 else { throw MARCError(.io, "cannot create \(holdingsPath)") }
        }
        defer { if hfd >= 0 { close(hfd) } }
        var chunk: [UInt8] = []
        var hchunk: [UInt8] = []
        chunk.reserveCapacity(1 << 22)
        for n in 0..<options.records {
            let r = record(n)
            if options.format == "json" {
                chunk += Array(r.marcJSON.utf8)
                chunk.append(0x0A)
            } else {
                chunk += try r.iso2709Bytes(encoding: .utf8)
            }
            if hfd >= 0 { hchunk += Array(holdings(n, recordId: r.identifier ?? "").utf8) }
            if chunk.count >= 1 << 22 {
                try AtomicFile.writeAll(fd: fd, chunk, path: path)
                chunk.removeAll(keepingCapacity: true)
            }
            if hchunk.count >= 1 << 22, let holdingsPath {
                try AtomicFile.writeAll(fd: hfd, hchunk, path: holdingsPath)
                hchunk.removeAll(keepingCapacity: true)
            }
        }
        try AtomicFile.writeAll(fd: fd, chunk, path: path)
        if hfd >= 0, let holdingsPath { try AtomicFile.writeAll(fd: hfd, hchunk, path: holdingsPath) }
    }
}

/// SplitMix64: a small, fast, deterministic PRNG.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func nextUInt64() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(_ bound: Int) -> Int { Int(nextUInt64() % UInt64(bound)) }
    mutating func nextDouble() -> Double { Double(nextUInt64() >> 11) / Double(1 << 53) }
}

extension String {
    var capitalized: String {
        guard let f = first else { return self }
        return String(f).uppercased() + dropFirst()
    }
}
