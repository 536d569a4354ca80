#if canImport(Glibc)
import Glibc
#endif
import SearchIndex

/// libFuzzer harness: the index-file opener on arbitrary bytes, seeded with real index files. A file that opens
/// is searched, so lazily decoded postings are exercised too.
let path = "/tmp/kartotek-fuzz-index-\(getpid()).kix"


@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { return 0 }
    _ = write(fd, data, size)
    close(fd)
    for verify in [true, false] {
        if let snapshot = try? IndexSnapshot.open(path: path, verifyChecksums: verify) {
            _ = try? snapshot.search("lille or kierkegaard or år > 1800", options: SearchOptions(limit: 3, facets: ["year"]))
            _ = try? snapshot.search("ti = l*", options: SearchOptions(limit: 3))
            // Single words take the top-k path (posting cursors, block impacts), with and without exact totals.
            _ = try? snapshot.search("lille", options: SearchOptions(limit: 3, exactTotal: false))
            _ = try? snapshot.search("ti = lille", options: SearchOptions(limit: 2))
            // A phrase (positions through a cursor) and a conjunction (restricted decodes, cursor probes).
            _ = try? snapshot.search("ti = \"lille prins\"", options: SearchOptions(limit: 2))
            _ = try? snapshot.search("lille and prins", options: SearchOptions(limit: 2))
        }
    }
    return 0
}
