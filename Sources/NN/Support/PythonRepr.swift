import Foundation

/// CPython's `repr` of the few Python values NN prints itself (inside
/// `extra_repr`, optimizer reprs and error texts).
public enum PythonRepr {
    /// `repr(float)`: the shortest round-trip digits, positional when the
    /// decimal exponent is in [-4, 16), else `d.ddde±XX`.
    public static func float(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        // Swift prints the same shortest digits as CPython, but switches to
        // exponent form at 2^53 instead of 1e16; re-lay out those cases.
        let swift = x.description
        guard let e = swift.firstIndex(of: "e") else { return swift }
        guard let exponent = Int(swift[swift.index(after: e)...]), exponent >= -4, exponent < 16 else { return swift }
        var mantissa = String(swift[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let digits = mantissa.replacingOccurrences(of: ".", with: "")
        var text: String
        if exponent >= 0 {
            let intCount = exponent + 1
            let padded = digits.count < intCount ? digits + String(repeating: "0", count: intCount - digits.count) : digits
            let intPart = String(padded.prefix(intCount))
            let frac = String(padded.dropFirst(intCount))
            text = intPart + "." + (frac.isEmpty ? "0" : frac)
        } else {
            text = "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        return negative ? "-" + text : text
    }

    /// `repr(bool)`.
    public static func bool(_ b: Bool) -> String { b ? "True" : "False" }

    /// `repr(str)` for plain strings: single quotes unless the text holds one.
    public static func string(_ s: String) -> String {
        if s.contains("'") && !s.contains("\"") { return "\"" + s + "\"" }
        let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        return "'" + escaped + "'"
    }

    /// `repr(tuple)` of already-repr'd items: `(1, 2)`, `(1,)`, `()`.
    public static func tuple(_ items: [String]) -> String {
        items.count == 1 ? "(" + items[0] + ",)" : "(" + items.joined(separator: ", ") + ")"
    }

    /// `repr(list)` of already-repr'd items.
    public static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
