extension MARCRecord {
    /// A readable dump in the style of `yaz-marcdump`: the leader, then one line per field.
    ///
    /// ```
    /// 00714cam a2200205 a 4500
    /// 001 12883376
    /// 245 10 $a Enten - eller : $b et livsfragment / $c Søren Kierkegaard.
    /// ```
    public var textDump: String {
        var out = leader.description + "\n"
        for field in fields {
            out += field.tag.description
            switch field.content {
            case .control(let value):
                out += " " + value
            case .data(let indicators, let subfields):
                out += " " + indicators.description
                for sub in subfields {
                    out += " $" + String(Character(sub.code)) + " " + sub.value
                }
            }
            out += "\n"
        }
        return out
    }
}
