/// `float(text)` (CPython's `float_from_string`): surrounding whitespace,
/// a sign, `inf`/`infinity`/`nan` in any case, decimal digits of any script,
/// and `_` between digits.
extension PyFloatFormat {
    /// The value of `float(text)`, or nil where CPython raises
    /// `ValueError: could not convert string to float: <repr(text)>`.
    public static func parse(_ text: String) -> Double? {
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        guard !scalars.isEmpty else { return nil }

        // ASCII-fy digits and drop underscores that sit between two digits.
        var ascii: [UInt8] = []
        ascii.reserveCapacity(scalars.count)
        for (i, c) in scalars.enumerated() {
            if let digit = PyFormatSpec.decimalValue(c) {
                ascii.append(UInt8(48 + digit))
            } else if c == "_" {
                guard i > 0, i + 1 < scalars.count,
                      PyFormatSpec.decimalValue(scalars[i - 1]) != nil,
                      PyFormatSpec.decimalValue(scalars[i + 1]) != nil
                else { return nil }
            } else if c.isASCII {
                ascii.append(UInt8(c.value))
            } else {
                return nil
            }
        }
        if let special = specialValue(ascii) { return special }
        guard isDecimalLiteral(ascii) else { return nil }
        return Double(String(decoding: ascii, as: UTF8.self))
    }

    /// `[sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits]`.
    private static func isDecimalLiteral(_ s: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < s.count, s[i] >= 48, s[i] <= 57 { i += 1 }
            return i - start
        }
        if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        var mantissaDigits = digits()
        if i < s.count, s[i] == UInt8(ascii: ".") {
            i += 1
            mantissaDigits += digits()
        }
        guard mantissaDigits > 0 else { return false }
        if i < s.count, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            i += 1
            if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == s.count
    }

    /// `[sign] (inf | infinity | nan)`, any case.
    private static func specialValue(_ s: [UInt8]) -> Double? {
        var word = s[...]
        var negative = false
        if let first = word.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            word = word.dropFirst()
        }
        switch String(decoding: word, as: UTF8.self).lowercased() {
        case "inf", "infinity": return negative ? -.infinity : .infinity
        case "nan": return negative ? -.nan : .nan
        default: return nil
        }
    }

    /// What `float()` strips: C's ASCII `isspace`, or a Unicode space.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == " " || (0x09...0x0D).contains(c.value) }
        return c.properties.isWhitespace
    }
}
