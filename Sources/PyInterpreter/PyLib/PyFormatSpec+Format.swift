import BigInt

/// Formatting floats, ints and strings with a parsed spec
/// (CPython's `format_float_internal`, `format_long_internal`,
/// `format_string_internal`). `typeName` is the formatted object's type as
/// error messages name it (`bool` for True, a subclass name, …).
extension PyFormatSpec {
    /// `format(x, spec)`. Without a type: `repr` if there is no precision,
    /// else `g` keeping at least one digit after the point.
    public func format(_ x: Double, typeName: String = "float") throws(PyFormatError) -> String {
        try checkGrouping(defaultType: nil)
        try checkSize()
        var style: PyFloatFormat.Style
        var defaultPrecision = 6
        var addDotZero = false
        var percent = false
        var value = x
        switch type {
        case nil:
            style = .repr
            addDotZero = true
            defaultPrecision = 0
        case "e", "E": style = .exponent
        case "f", "F": style = .fixed
        case "g", "G", "n": style = .general
        case "%":
            style = .fixed
            value *= 100
            percent = true
        case let code?:
            throw .valueError("Unknown format code \(Self.quotedCode(code)) for object of type '\(typeName)'")
        }
        if let precision, precision > Int(Int32.max) { throw .valueError("precision too big") }
        if precision != nil && style == .repr { style = .general }
        var text = Array(PyFloatFormat.string(
            value, style: style, precision: precision ?? defaultPrecision,
            uppercase: type == "E" || type == "F" || type == "G",
            addDotZero: addDotZero, alternate: alternate, noNegativeZero: coerceNegativeZero
        ).unicodeScalars)
        if percent { text.append("%") }
        if sign != "+" && sign != " " && width == nil && type != "n" && grouping == nil {
            return String(String.UnicodeScalarView(text))
        }
        let negative = text.first == "-"
        if negative { text.removeFirst() }
        let digitCount = text.firstIndex { !($0 >= "0" && $0 <= "9") } ?? text.count
        let hasPoint = digitCount < text.count && text[digitCount] == "."
        let parts = NumberParts(
            negative: negative, digits: Array(text[..<digitCount]), hasDecimalPoint: hasPoint,
            remainder: Array(text[(digitCount + (hasPoint ? 1 : 0))...]))
        return layOut(parts, groupSize: type == "n" || grouping == nil ? nil : 3)
    }

    /// `format(n, spec)` for an int; float presentation types convert it
    /// to float first.
    public func format(_ n: BigInt, typeName: String = "int") throws(PyFormatError) -> String {
        try checkGrouping(defaultType: "d")
        try checkSize()
        let base: Int
        var prefix: [Unicode.Scalar] = []
        switch type ?? "d" {
        case "d", "n": base = 10
        case "b": base = 2; prefix = ["0", "b"]
        case "o": base = 8; prefix = ["0", "o"]
        case "x", "X": base = 16; prefix = ["0", "x"]
        case "c": return try formatCharacter(n)
        case "e", "E", "f", "F", "g", "G", "%":
            return try format(PyNumberConversion.double(n), typeName: typeName)
        case let code:
            throw .valueError("Unknown format code \(Self.quotedCode(code)) for object of type '\(typeName)'")
        }
        if precision != nil { throw .valueError("Precision not allowed in integer format specifier") }
        if coerceNegativeZero {
            throw .valueError("Negative zero coercion (z) not allowed in integer format specifier")
        }
        let parts = NumberParts(
            negative: n.sign == .minus && !n.isZero,
            prefix: alternate ? prefix : [],
            digits: Array(String(n.magnitude, radix: base).unicodeScalars))
        let groupSize: Int? = grouping == nil || type == "n" ? nil : base == 10 ? 3 : 4
        return layOut(parts, groupSize: groupSize, uppercase: type == "X")
    }

    /// Swift strings cannot hold lone surrogates (U+D800–U+DFFF), which
    /// Python's `chr` can; they come out as U+FFFD.
    static let replacementCharacter: Unicode.Scalar = "\u{FFFD}"

    private func formatCharacter(_ n: BigInt) throws(PyFormatError) -> String {
        if precision != nil { throw .valueError("Precision not allowed in integer format specifier") }
        if coerceNegativeZero {
            throw .valueError("Negative zero coercion (z) not allowed in integer format specifier")
        }
        if sign != nil { throw .valueError("Sign not allowed with integer format specifier 'c'") }
        if alternate { throw .valueError("Alternate form (#) not allowed with integer format specifier 'c'") }
        guard let code = Int64(exactly: n) else {
            throw .overflowError("Python int too large to convert to C long")
        }
        guard code >= 0, code <= 0x10FFFF else { throw .overflowError("%c arg not in range(0x110000)") }
        let scalar = Unicode.Scalar(UInt32(code)) ?? Self.replacementCharacter
        return layOut(NumberParts(negative: false, digits: [], remainder: [scalar]), groupSize: nil)
    }

    /// `format(s, spec)` for a str: precision truncates, `<` is the default.
    public func format(_ s: String, typeName: String = "str") throws(PyFormatError) -> String {
        try checkGrouping(defaultType: "s")
        try checkSize()
        if let code = type, code != "s" {
            throw .valueError("Unknown format code \(Self.quotedCode(code)) for object of type '\(typeName)'")
        }
        if sign == " " { throw .valueError("Space not allowed in string format specifier") }
        if sign != nil { throw .valueError("Sign not allowed in string format specifier") }
        if coerceNegativeZero {
            throw .valueError("Negative zero coercion (z) not allowed in string format specifier")
        }
        if alternate { throw .valueError("Alternate form (#) not allowed in string format specifier") }
        if align == "=" { throw .valueError("'=' alignment not allowed in string format specifier") }
        var text = Array(s.unicodeScalars)
        if let precision, text.count > precision { text.removeLast(text.count - precision) }
        return pad(text, defaultAlign: "<")
    }

    /// `format(x, spec)` in one call.
    public static func format(_ x: Double, spec: String, typeName: String = "float") throws(PyFormatError) -> String {
        try PyFormatSpec(parsing: spec, typeName: typeName).format(x, typeName: typeName)
    }

    public static func format(_ n: BigInt, spec: String, typeName: String = "int") throws(PyFormatError) -> String {
        try PyFormatSpec(parsing: spec, typeName: typeName).format(n, typeName: typeName)
    }

    public static func format(_ s: String, spec: String, typeName: String = "str") throws(PyFormatError) -> String {
        try PyFormatSpec(parsing: spec, typeName: typeName).format(s, typeName: typeName)
    }
}
