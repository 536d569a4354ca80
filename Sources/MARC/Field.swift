/// A variable field: either a control field (a tag and a value) or a data field (a tag, indicators and
/// subfields).
///
/// In MARC21, tags `001`–`009` are control fields. In danMARC2 every field, `001` included, is a data field:
/// ```swift
/// let f = Field(tag: "245", indicators: ("0", "0"), subfields: [Subfield("a", "Den ¤lille prins")])
/// f["a"]   // "Den ¤lille prins"
/// ```
public struct Field: Hashable, Sendable {
    /// The field tag.
    public var tag: Tag
    /// The content.
    public var content: Content

    /// What a field holds.
    public enum Content: Hashable, Sendable {
        /// A control field's value (MARC21 `001`–`009`).
        case control(String)
        /// A data field's indicators and subfields.
        case data(indicators: Indicators, subfields: [Subfield])
    }

    /// Creates a control field.
    public init(tag: Tag, value: String) {
        self.tag = tag
        content = .control(value)
    }

    /// Creates a data field.
    public init(tag: Tag, indicators: Indicators = Indicators(), subfields: [Subfield]) {
        self.tag = tag
        content = .data(indicators: indicators, subfields: subfields)
    }

    /// Creates a data field from two indicator characters.
    public init(tag: Tag, indicators: (Unicode.Scalar, Unicode.Scalar), subfields: [Subfield]) {
        self.init(tag: tag, indicators: Indicators(indicators.0, indicators.1), subfields: subfields)
    }

    /// True for control fields.
    public var isControlField: Bool {
        if case .control = content { return true }
        return false
    }

    /// The control field's value, or `nil` for a data field.
    public var controlValue: String? {
        if case .control(let v) = content { return v }
        return nil
    }

    /// The subfields (empty for a control field). Setting them turns a control field into a data field.
    public var subfields: [Subfield] {
        get {
            if case .data(_, let s) = content { return s }
            return []
        }
        set {
            content = .data(indicators: indicators, subfields: newValue)
        }
    }

    /// The indicators (blank for a control field).
    public var indicators: Indicators {
        get {
            if case .data(let i, _) = content { return i }
            return Indicators()
        }
        set {
            content = .data(indicators: newValue, subfields: subfields)
        }
    }

    /// The first value of subfield `code`, or `nil`.
    public subscript(code: Unicode.Scalar) -> String? {
        subfields.first(where: { $0.code == code })?.value
    }

    /// Every value of subfield `code`, in order.
    public func values(_ code: Unicode.Scalar) -> [String] {
        subfields.compactMap { $0.code == code ? $0.value : nil }
    }

    /// Every value of the subfields whose codes are in `codes` (all subfields when `codes` is empty), in order.
    public func values(anyOf codes: String) -> [String] {
        if codes.isEmpty { return subfields.map(\.value) }
        let set = Set(codes.unicodeScalars)
        return subfields.compactMap { set.contains($0.code) ? $0.value : nil }
    }
}

/// The indicators of a data field: normally two characters (`ind1`, `ind2`).
///
/// Malformed records may carry another number of indicator bytes; they are kept as read.
public struct Indicators: Hashable, Sendable, CustomStringConvertible {
    /// The indicator characters, normally two.
    public var scalars: [Unicode.Scalar]

    /// Two blanks.
    public init() { scalars = [" ", " "] }

    /// Two indicators.
    public init(_ first: Unicode.Scalar, _ second: Unicode.Scalar) { scalars = [first, second] }

    /// Any number of indicators (for malformed records kept as read).
    public init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// The first indicator (blank if missing).
    public var first: Unicode.Scalar { scalars.first ?? " " }
    /// The second indicator (blank if missing).
    public var second: Unicode.Scalar { scalars.count > 1 ? scalars[1] : " " }

    /// The indicators as text.
    public var description: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }
}
