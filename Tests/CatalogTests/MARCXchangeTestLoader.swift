import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MARC

/// A test-only MARCXchange → MARCRecord loader for the tiny merge fixtures (Foundation's XMLParser), so these
/// tests do not depend on the MARCXML module. Every field is a data field (danMARC2). The integrator may swap it
/// for the MARCXML reader.
final class MARCXchangeTestLoader: NSObject, XMLParserDelegate {
    private var leader = ""
    private var fields: [Field] = []
    private var text = ""
    private var tag: Tag?
    private var indicators = Indicators("0", "0")
    private var subfields: [Subfield] = []
    private var code: Unicode.Scalar?
    private(set) var format: String?

    static func load(path: String) throws -> MARCRecord {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let loader = MARCXchangeTestLoader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = loader
        guard parser.parse() else {
            throw NSError(domain: "MARCXchangeTestLoader", code: 1, userInfo: [
                NSLocalizedDescriptionKey: "\(path): \(parser.parserError.map { "\($0)" } ?? "parse error")"
            ])
        }
        return MARCRecord(leader: Leader(ascii: loader.leader), fields: loader.fields)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        text = ""
        switch elementName {
        case "record":
            format = attributes["format"]
        case "datafield":
            tag = Tag(attributes["tag"] ?? "???")
            let i1 = attributes["ind1"]?.unicodeScalars.first ?? " "
            let i2 = attributes["ind2"]?.unicodeScalars.first ?? " "
            indicators = Indicators(i1, i2)
            subfields = []
        case "subfield":
            code = attributes["code"]?.unicodeScalars.first ?? " "
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "leader": leader = text
        case "subfield":
            if let code { subfields.append(Subfield(code, text)) }
            code = nil
        case "datafield":
            if let tag { fields.append(Field(tag: tag, indicators: indicators, subfields: subfields)) }
            tag = nil
        default: break
        }
        text = ""
    }
}
