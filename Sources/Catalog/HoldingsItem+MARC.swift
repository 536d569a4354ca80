import MARC

extension HoldingsItem {
    /// Items from a danMARC2 record's local shelving fields 096–099 (research/danmarc.md §5.1).
    ///
    /// | subfield | becomes |
    /// |---|---|
    /// | *z library number | agency (else the record's `001 *b`, else `defaultAgency`) |
    /// | *f reading room / branch | branch |
    /// | *l reading room | department |
    /// | *a shelf mark | location |
    /// | *b addition | sublocation |
    /// | *x copy number, one item per *x | item id (else `recordId-096-n`, n counting the fields) |
    /// | *r availability codes a–g | loan restriction; `e` (on order) makes the status onOrder |
    /// | *u availability text | status when it names one (`Bortkommet` lost, `Udlånt` on loan …); `Udlånes ikke` adds restriction `a` |
    public static func fromDanMARC2(_ record: MARCRecord, defaultAgency: String? = nil) -> [HoldingsItem] {
        guard let recordId = record.identifier else { return [] }
        var out: [HoldingsItem] = []
        var n = 0
        for field in record.fields where ["096", "097", "098", "099"].contains(field.tag) {
            n += 1
            guard let agency = field["z"] ?? record.agency ?? defaultAgency else { continue }
            var restriction = field.values("r").joined().filter { ("a"..."g").contains($0) }
            var status = Status.onShelf
            if restriction.contains("e") { status = .onOrder }
            if let text = field["u"] {
                let folded = String(text.lowercased().filter { $0.isLetter })
                if folded == "udlånesikke" || folded == "udlaanesikke" {
                    if restriction.isEmpty { restriction = "a" }
                } else if let parsed = Status(parsing: text) {
                    status = parsed
                }
            }
            let copies = field.values("x").filter { !$0.isEmpty }
            let ids = copies.isEmpty ? ["\(RecordKey.normalizedID(recordId))-\(field.tag)-\(n)"] : copies
            for itemId in ids {
                out.append(
                    HoldingsItem(
                        agency: agency, recordId: recordId, branch: field["f"] ?? "", department: field["l"] ?? "",
                        location: field["a"] ?? "", sublocation: field["b"] ?? "", itemId: itemId, status: status,
                        loanRestriction: restriction))
            }
        }
        return out
    }

    /// Items from a MARC21 record's embedded holdings: 852 (location) with its 876 (item) fields
    /// (research/danmarc.md §5.4).
    ///
    /// | MARC21 | becomes |
    /// |---|---|
    /// | 852 $a institution | agency (else `003`, else `defaultAgency`) |
    /// | 852 $b sublocation or collection | branch |
    /// | 852 $c shelving location | location |
    /// | 852 $h $i call number | sublocation |
    /// | 876 $p barcode (else $a) | item id |
    /// | 876 $j item status | status (`available`, `checked out`, `lost`, `withdrawn`, `on order` …) |
    /// | 876 $h use restrictions | loan restriction when it is a code a–g |
    ///
    /// An 876 belongs to the 852 with the same `$8` link number, else to the nearest 852 before it (else the
    /// first 852). An 852 without items gives one item (852 $p, else `recordId-852-n`).
    public static func fromMARC21(_ record: MARCRecord, defaultAgency: String? = nil) -> [HoldingsItem] {
        guard let recordId = record.identifier else { return [] }
        let locations = record.fields.enumerated().filter { $0.element.tag == "852" }
        guard !locations.isEmpty else { return [] }
        var itemsByLocation: [[Field]] = Array(repeating: [], count: locations.count)
        for (position, field) in record.fields.enumerated() where field.tag == "876" {
            let link = field["8"].map(linkNumber)
            var owner = locations.firstIndex { link != nil && $0.element["8"].map(linkNumber) == link }
            if owner == nil { owner = locations.lastIndex { $0.offset < position } }
            itemsByLocation[owner ?? 0].append(field)
        }
        var out: [HoldingsItem] = []
        for (n, (_, location)) in locations.enumerated() {
            guard let agency = location["a"] ?? record["003"]?.controlValue ?? defaultAgency else { continue }
            let callNumber = (location.values("h") + location.values("i")).joined(separator: " ")
            func item(_ itemId: String, _ status: Status, _ restriction: String) -> HoldingsItem {
                HoldingsItem(
                    agency: agency, recordId: recordId, branch: location["b"] ?? "", location: location["c"] ?? "",
                    sublocation: callNumber, itemId: itemId, status: status, loanRestriction: restriction)
            }
            if itemsByLocation[n].isEmpty {
                out.append(item(location["p"] ?? "\(RecordKey.normalizedID(recordId))-852-\(n + 1)", .onShelf, ""))
                continue
            }
            for (k, field) in itemsByLocation[n].enumerated() {
                let itemId = field["p"] ?? field["a"] ?? "\(RecordKey.normalizedID(recordId))-852-\(n + 1)-\(k + 1)"
                let status = field["j"].flatMap(Status.init(parsing:)) ?? .onShelf
                let h = field["h"] ?? ""
                let restriction = h.count == 1 && ("a"..."g").contains(h) ? h : ""
                out.append(item(itemId, status, restriction))
            }
        }
        return out
    }

    /// The link number of a `$8` value (`1.2\\x` → `1`).
    private static func linkNumber(_ value: String) -> String {
        String(value.prefix { $0 != "." && $0 != "\\" })
    }
}
