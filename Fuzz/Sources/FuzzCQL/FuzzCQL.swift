import SearchIndex

/// libFuzzer harness: the CQL parser on arbitrary text, then evaluation against a small index.
let snapshot = IndexSnapshot.build([
    IndexDocument(id: "1", agency: "870970", fields: ["title": ["Den lille prins"], "author": ["Saint-Exupéry"], "year": ["1950"]]),
    IndexDocument(id: "2", agency: "870970", fields: ["title": ["Enten - eller"], "author": ["Kierkegaard"], "year": ["1843"]]),
])


@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let query = try? CQLParser().parse(text) {
        _ = snapshot.search(query, options: SearchOptions(limit: 5, facets: ["year"]))
        _ = snapshot.search(query, options: SearchOptions(limit: 1, exactTotal: false))
    }
    return 0
}
