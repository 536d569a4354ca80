import MARC

extension HoldingsItem {
    /// The JSON Lines holdings keys (DESIGN.md): `agency`, `recordId` and `itemId` are required; `branch`,
    /// `department`, `location`, `sublocation`, `status` (default `onShelf`) and `loanRestriction` are optional.
    /// Other keys are ignored.
    static let jsonKeys = ["agency", "recordId", "branch", "department", "location", "sublocation", "itemId", "status", "loanRestriction"]

    /// Reads holdings in JSON Lines, one item per line:
    /// `{"agency":"…","recordId":"…","branch":"…","department":"…","location":"…","sublocation":"…","itemId":"…","status":"onShelf"}`.
    ///
    /// Blank lines are skipped. Strict (default): the first bad line throws ``CatalogError/Kind/invalidHoldings``
    /// with its line number. `lenient`: bad lines are skipped and returned in `skipped`, one error each.
    public static func parseJSONLines(
        _ bytes: [UInt8], file: String? = nil, lenient: Bool = false
    ) throws(CatalogError) -> (items: [HoldingsItem], skipped: [CatalogError]) {
        var items: [HoldingsItem] = []
        var skipped: [CatalogError] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = bytes[start..<lineEnd]
            let offset = start
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            do throws(CatalogError) {
                items.append(try parseLine(line, file: file, line: lineNumber, offset: offset))
            } catch {
                if !lenient { throw error }
                skipped.append(error)
            }
        }
        return (items, skipped)
    }

    /// Reads a JSON Lines holdings file; see ``parseJSONLines(_:file:lenient:)``.
    public static func readJSONLines(path: String, lenient: Bool = false) throws(CatalogError) -> (
        items: [HoldingsItem], skipped: [CatalogError]
    ) {
        let storage: ByteStorage
        do {
            storage = try ByteStorage(mapping: path)
        } catch {
            throw CatalogError(error, file: path)
        }
        return try parseJSONLines(Array(storage.buffer), file: path, lenient: lenient)
    }

    private static func parseLine(_ line: ArraySlice<UInt8>, file: String?, line number: Int, offset: Int) throws(CatalogError)
        -> HoldingsItem
    {
        func fail(_ message: String) -> CatalogError {
            CatalogError(.invalidHoldings, message, file: file, line: number, byteOffset: offset)
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(String(decoding: line, as: UTF8.self))
        } catch {
            throw fail("invalid JSON at column \(error.offset + 1): \(error.message)")
        }
        guard case .object = value else { throw fail("each line must be a JSON object") }
        var strings: [String: String] = [:]
        for key in jsonKeys {
            guard let v = value[key] else { continue }
            switch v {
            case .string(let s): strings[key] = s
            case .number(let d) where d == d.rounded() && abs(d) < 1e15: strings[key] = String(Int64(d))
            case .null: continue
            default: throw fail("\"\(key)\" must be a string")
            }
        }
        for key in ["agency", "recordId", "itemId"] where (strings[key] ?? "").isEmpty {
            throw fail("\"\(key)\" is missing or empty")
        }
        var status = Status.onShelf
        if let text = strings["status"] {
            guard let parsed = Status(parsing: text) else {
                let names = Status.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("\"status\" must be one of \(names) (found \"\(text)\")")
            }
            status = parsed
        }
        if let restriction = strings["loanRestriction"],
            !restriction.unicodeScalars.allSatisfy({ ("a"..."g").contains($0) })
        {
            throw fail("\"loanRestriction\" must be danMARC2 096 *r codes a–g (found \"\(restriction)\")")
        }
        return HoldingsItem(
            agency: strings["agency"] ?? "", recordId: strings["recordId"] ?? "", branch: strings["branch"] ?? "",
            department: strings["department"] ?? "", location: strings["location"] ?? "",
            sublocation: strings["sublocation"] ?? "", itemId: strings["itemId"] ?? "", status: status,
            loanRestriction: strings["loanRestriction"] ?? "")
    }

    /// The item as one JSON Lines line (without the newline), in the DESIGN.md layout plus `loanRestriction`
    /// when there is one.
    public var jsonLine: String {
        var out = "{"
        let pairs: [(String, String)] = [
            ("agency", agency), ("recordId", recordId), ("branch", branch), ("department", department),
            ("location", location), ("sublocation", sublocation), ("itemId", itemId), ("status", status.rawValue),
        ] + (loanRestriction.isEmpty ? [] : [("loanRestriction", loanRestriction)])
        for (i, (key, value)) in pairs.enumerated() {
            if i > 0 { out += "," }
            appendJSONString(key, to: &out)
            out += ":"
            appendJSONString(value, to: &out)
        }
        return out + "}"
    }
}
