import MARC
import MARCXML

/// Reads every record of a MARCXML (or MARCXchange) file with ``MARCXMLReader`` and times it.
///
/// Each record is fully materialised (leader, fields, subfield strings) and touched (field and subfield counts), so
/// the work matches `yaz-marcdump -i marcxml -n`, which parses without printing.
///
/// - Returns: the number of records and the wall-clock seconds, or `(-1, 0)` when the file cannot be read.
func runMARCXMLBenchmark(path: String) -> (records: Int, seconds: Double) {
    let clock = ContinuousClock()
    let start = clock.now
    var records = 0
    var subfields = 0
    do {
        var reader = try MARCXMLReader(path: path)
        while let record = try reader.next() {
            records += 1
            for field in record.fields { subfields += field.subfields.count }
        }
    } catch {
        print("MARCXML benchmark: \(error)")
        return (-1, 0)
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    if subfields < 0 { print(subfields) }  // keep the work observable
    return (records, seconds)
}
