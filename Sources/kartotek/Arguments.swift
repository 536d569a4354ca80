/// A small command-line parser: options may stand before or after operands; `--` ends options.
struct Arguments {
    /// Option names that take a value (`--to json`, `-o out.mrc`).
    let valued: Set<String>
    /// Option names that are flags.
    let flags: Set<String>
    private(set) var values: [String: [String]] = [:]
    private(set) var setFlags: Set<String> = []
    private(set) var operands: [String] = []

    init(_ args: [String], valued: Set<String>, flags: Set<String>) throws(UsageError) {
        self.valued = valued
        self.flags = flags
        var i = 0
        var onlyOperands = false
        while i < args.count {
            let a = args[i]
            i += 1
            if onlyOperands || a == "-" || !a.hasPrefix("-") {
                operands.append(a)
                continue
            }
            if a == "--" {
                onlyOperands = true
                continue
            }
            var name = a
            var inlineValue: String?
            if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                name = String(a[..<eq])
                inlineValue = String(a[a.index(after: eq)...])
            }
            if flags.contains(name) {
                guard inlineValue == nil else { throw UsageError("option \(name) takes no value") }
                setFlags.insert(name)
            } else if valued.contains(name) {
                if let inlineValue {
                    values[name, default: []].append(inlineValue)
                } else {
                    guard i < args.count else { throw UsageError("option \(name) needs a value") }
                    values[name, default: []].append(args[i])
                    i += 1
                }
            } else {
                throw UsageError("unknown option \(name)")
            }
        }
    }

    func flag(_ name: String) -> Bool { setFlags.contains(name) }
    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The value of `name`, which must be one of `choices`; `fallback` when absent.
    func choice(_ name: String, _ choices: [String], default fallback: String) throws(UsageError) -> String {
        guard let v = value(name) else { return fallback }
        guard choices.contains(v) else {
            throw UsageError("\(name) must be one of \(choices.joined(separator: ", ")); got \(v)")
        }
        return v
    }

    /// A non-negative integer option.
    func integer(_ name: String, default fallback: Int) throws(UsageError) -> Int {
        guard let v = value(name) else { return fallback }
        guard let n = Int(v), n >= 0 else { throw UsageError("\(name) must be a non-negative integer; got \(v)") }
        return n
    }
}

/// A usage error: the CLI prints it with the usage line and exits with status 2.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
