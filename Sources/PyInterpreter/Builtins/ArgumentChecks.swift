/// Argument-count checks for builtin methods, worded like CPython's.
extension Arguments {
    func noKeywords(_ name: String) throws {
        if !keywords.isEmpty { throw PyError(.typeError, "\(name)() takes no keyword arguments") }
    }

    /// Exactly `n` positional arguments (`append() takes exactly one argument (2 given)`).
    func exactly(_ n: Int, _ name: String) throws -> [Value] {
        try noKeywords(name)
        if positional.count != n {
            if n == 0 { throw PyError(.typeError, "\(name)() takes no arguments (\(positional.count) given)") }
            if n == 1 { throw PyError(.typeError, "\(name)() takes exactly one argument (\(positional.count) given)") }
            throw PyError(.typeError, "\(name) expected \(n) arguments, got \(positional.count)")
        }
        return positional
    }

    /// Between `min` and `max` positional arguments (`pop expected at most 1 argument, got 2`).
    func between(_ min: Int, _ max: Int, _ name: String) throws -> [Value] {
        try noKeywords(name)
        if positional.count < min {
            throw PyError(.typeError, "\(name) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(positional.count)")
        }
        if positional.count > max {
            throw PyError(.typeError, "\(name) expected at most \(max) argument\(max == 1 ? "" : "s"), got \(positional.count)")
        }
        return positional
    }
}

extension Value {
    /// The PyStr of a str value, or a TypeError naming what was expected.
    func requireString(_ context: String) throws -> PyStr {
        guard case .str(let s) = self else { throw PyError(.typeError, "\(context) must be str, not \(typeName)") }
        return s
    }
}
