import MARC

/// Which XML vocabulary to write.
public enum MARCXMLFlavor: String, Sendable, Hashable, CaseIterable {
    /// MARCXML in the MARC21 slim namespace (`http://www.loc.gov/MARC21/slim`).
    case marc21
    /// DBC's MARCXchange (`info:lc/xmlns/marcxchange-v1`), with `format` and `type` on each record.
    case marcxchange

    /// The namespace URI of the flavour.
    public var namespace: String {
        switch self {
        case .marc21: marc21SlimNamespace
        case .marcxchange: marcxchangeNamespace
        }
    }
}

/// Writes records as a MARCXML or MARCXchange `<collection>` document, piece by piece so that any number of
/// records streams: ``header``, then ``fragment(_:)`` per record, then ``footer``.
///
/// Control fields (a ``Field`` with ``Field/Content/control(_:)``) become `<controlfield>`, data fields
/// `<datafield>`, so a danMARC2 record's `001` (a data field) is written as `<datafield tag="001">` in both
/// flavours. Text and attributes are escaped (`&`, `<`, `>`, `"`; CR, and tab and line feed inside attributes,
/// as character references so that a reader gets them back). Characters XML 1.0 cannot carry at all (C0
/// controls other than tab, LF and CR; U+FFFE, U+FFFF) are written as U+FFFD.
///
/// ```swift
/// let writer = MARCXMLWriter(flavor: .marc21)
/// var xml = writer.header
/// for record in records { xml += writer.fragment(record) }
/// xml += writer.footer
/// ```
public struct MARCXMLWriter: Sendable {
    /// The vocabulary written.
    public var flavor: MARCXMLFlavor
    /// Indent elements on their own lines (two blanks per level); `false` writes each record on one line.
    public var indented: Bool

    /// Creates a writer.
    public init(flavor: MARCXMLFlavor = .marc21, indented: Bool = true) {
        self.flavor = flavor
        self.indented = indented
    }

    /// The XML declaration and the opening `<collection>` tag, with a trailing line feed.
    public var header: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"\(flavor.namespace)\">\n"
    }

    /// The closing `</collection>` tag, with a trailing line feed.
    public var footer: String { "</collection>\n" }

    /// One `<record>` element ending in a line feed, for use between ``header`` and ``footer``.
    public func fragment(_ record: MARCRecord) -> String {
        var out = ""
        append(record, to: &out)
        return out
    }

    /// Appends one `<record>` element to `out`.
    public func append(_ record: MARCRecord, to out: inout String) {
        let (i1, i2, i3) = indented ? ("  ", "    ", "      ") : ("", "", "")
        let nl = indented ? "\n" : ""
        out += i1
        if flavor == .marcxchange {
            out += "<record format=\"\(record.isDanMARC2 ? "danMARC2" : "MARC21")\" type=\"Bibliographic\">"
        } else {
            out += "<record>"
        }
        out += nl
        out += i2 + "<leader>"
        appendEscaped(record.leader.description, to: &out, attribute: false)
        out += "</leader>" + nl
        for field in record.fields {
            switch field.content {
            case .control(let value):
                out += i2 + "<controlfield tag=\""
                appendEscaped(field.tag.description, to: &out, attribute: true)
                out += "\">"
                appendEscaped(value, to: &out, attribute: false)
                out += "</controlfield>" + nl
            case .data(let indicators, let subfields):
                out += i2 + "<datafield tag=\""
                appendEscaped(field.tag.description, to: &out, attribute: true)
                out += "\" ind1=\""
                appendEscaped(String(Character(indicators.first)), to: &out, attribute: true)
                out += "\" ind2=\""
                appendEscaped(String(Character(indicators.second)), to: &out, attribute: true)
                out += "\">" + nl
                for sub in subfields {
                    out += i3 + "<subfield code=\""
                    appendEscaped(String(Character(sub.code)), to: &out, attribute: true)
                    out += "\">"
                    appendEscaped(sub.value, to: &out, attribute: false)
                    out += "</subfield>" + nl
                }
                out += i2 + "</datafield>" + nl
            }
        }
        out += i1 + "</record>\n"
    }

    /// A whole document holding `records`.
    public func document<S: Sequence>(_ records: S) -> String where S.Element == MARCRecord {
        var out = header
        for r in records { append(r, to: &out) }
        out += footer
        return out
    }
}

extension MARCRecord {
    /// The record as a MARCXML (or MARCXchange) `<collection>` document holding this one record.
    ///
    /// ```swift
    /// print(record.marcXML(flavor: .marcxchange))
    /// ```
    public func marcXML(flavor: MARCXMLFlavor = .marc21, indented: Bool = true) -> String {
        MARCXMLWriter(flavor: flavor, indented: indented).document([self])
    }

    /// Parses every record of a MARCXML or MARCXchange document held in a string.
    ///
    /// - Throws: ``MARCError`` as ``MARCXMLReader/next()`` does.
    public static func records(marcXML text: String, options: ReadOptions = ReadOptions()) throws(MARCError) -> [MARCRecord] {
        var reader = MARCXMLReader(string: text, options: options)
        return try reader.readAll()
    }
}

/// Appends `s` with XML escaping. Fast path: copy runs of characters that need no escaping.
func appendEscaped(_ s: String, to out: inout String, attribute: Bool) {
    var needs = false
    for b in s.utf8 {
        if b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b < 0x20 || b == 0xEF {
            needs = true
            break
        }
    }
    if !needs {
        out += s
        return
    }
    for scalar in s.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += attribute ? "&quot;" : "\""
        case "\r": out += "&#13;"
        case "\t": out += attribute ? "&#9;" : "\t"
        case "\n": out += attribute ? "&#10;" : "\n"
        case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
        default:
            if scalar.value < 0x20 {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
}
