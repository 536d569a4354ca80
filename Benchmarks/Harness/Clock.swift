import Dispatch

/// Runs `body` `runs` times after one warm-up and returns the sorted durations in seconds.
func measure(runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
    try body()
    var samples: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<runs {
        let t = clock.now
        try body()
        let d = clock.now - t
        samples.append(seconds(d))
    }
    return samples.sorted()
}

/// A duration in seconds.
func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// The median of sorted samples.
func median(_ sorted: [Double]) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let m = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2
}

/// The q-quantile (0...1) of sorted samples.
func quantile(_ sorted: [Double], _ q: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let i = min(sorted.count - 1, max(0, Int((Double(sorted.count) * q).rounded(.up)) - 1))
    return sorted[i]
}

/// One result line as JSON.
func jsonLine(_ fields: [(String, Any)]) -> String {
    var parts: [String] = []
    for (k, v) in fields {
        switch v {
        case let s as String: parts.append("\"\(k)\":\"\(s)\"")
        case let d as Double: parts.append("\"\(k)\":\((d * 1000).rounded() / 1000)")
        default: parts.append("\"\(k)\":\(v)")
        }
    }
    return "{" + parts.joined(separator: ",") + "}"
}
