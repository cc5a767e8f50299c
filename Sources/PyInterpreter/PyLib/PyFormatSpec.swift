/// A parsed format spec of Python's mini-language (`format(x, spec)`,
/// f-string `{x:spec}`, `str.format`):
/// `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.
///
/// Parsing is type-independent, as in CPython; defaults that depend on the
/// value's type (alignment, what `0` implies) are resolved when formatting.
public struct PyFormatSpec: Equatable, Sendable {
    public var fill: Unicode.Scalar = " "
    /// `<`, `>`, `^` or `=`; nil for the type's default.
    public var align: Unicode.Scalar?
    /// `+`, `-` or space; nil when absent.
    public var sign: Unicode.Scalar?
    /// `z`: format negative zero as zero (floats only).
    public var coerceNegativeZero = false
    /// `#`: alternate form.
    public var alternate = false
    /// A `0` before the width with no explicit fill: zero fill, and
    /// sign-aware `=` alignment for numbers without an explicit alignment.
    public var zeroPadding = false
    public var width: Int?
    /// `,` or `_`.
    public var grouping: Unicode.Scalar?
    public var precision: Int?
    /// The presentation type; nil when the spec has none.
    public var type: Unicode.Scalar?

    /// Parses `spec`. `typeName` (the formatted object's type, e.g. `float`)
    /// only appears in the message of a malformed spec.
    public init(parsing spec: String, typeName: String = "object") throws(PyFormatError) {
        let s = Array(spec.unicodeScalars)
        var i = 0
        var fillGiven = false
        if s.count >= 2 && Self.isAlignment(s[1]) {
            fill = s[0]
            align = s[1]
            fillGiven = true
            i = 2
        } else if s.count >= 1 && Self.isAlignment(s[0]) {
            align = s[0]
            i = 1
        }
        if i < s.count && (s[i] == "+" || s[i] == "-" || s[i] == " ") {
            sign = s[i]
            i += 1
        }
        if i < s.count && s[i] == "z" {
            coerceNegativeZero = true
            i += 1
        }
        if i < s.count && s[i] == "#" {
            alternate = true
            i += 1
        }
        if !fillGiven && i < s.count && s[i] == "0" {
            zeroPadding = true
            i += 1
        }
        width = try Self.integer(s, &i)
        if i < s.count && s[i] == "," {
            grouping = ","
            i += 1
        }
        if i < s.count && s[i] == "_" {
            if grouping != nil { throw .valueError("Cannot specify both ',' and '_'.") }
            grouping = "_"
            i += 1
        }
        if i < s.count && s[i] == "," { throw .valueError("Cannot specify both ',' and '_'.") }
        if i < s.count && s[i] == "." {
            i += 1
            guard let digits = try Self.integer(s, &i) else {
                throw .valueError("Format specifier missing precision")
            }
            precision = digits
        }
        if s.count - i > 1 {
            throw .valueError("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        if i < s.count { type = s[i] }
    }

    /// PEP 378 / PEP 515: which types take a thousands separator. CPython
    /// checks this last while parsing, with the value type's default
    /// presentation type, so formatters call it before anything else.
    func checkGrouping(defaultType: Unicode.Scalar?) throws(PyFormatError) {
        guard let grouping else { return }
        switch type ?? defaultType {
        case nil, "d", "e", "f", "g", "E", "G", "%", "F":
            return
        case "b", "o", "x", "X":
            if grouping == "_" { return }
        default:
            break
        }
        let code = type ?? defaultType ?? " "
        throw .valueError("Cannot specify '\(Character(grouping))' with \(Self.quotedCode(code)).")
    }

    private static func isAlignment(_ c: Unicode.Scalar) -> Bool {
        c == "<" || c == ">" || c == "=" || c == "^"
    }

    /// A run of decimal digits (any script, like CPython), or nil if none.
    private static func integer(_ s: [Unicode.Scalar], _ i: inout Int) throws(PyFormatError) -> Int? {
        var value = 0
        var count = 0
        while i < s.count, let digit = decimalValue(s[i]) {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            if overflow1 || overflow2 { throw .valueError("Too many decimal digits in format string") }
            value = sum
            count += 1
            i += 1
        }
        return count == 0 ? nil : value
    }

    static func decimalValue(_ c: Unicode.Scalar) -> Int? {
        if c.isASCII {
            return c >= "0" && c <= "9" ? Int(c.value - 48) : nil
        }
        guard c.properties.numericType == .decimal, let value = c.properties.numericValue else { return nil }
        return Int(value)
    }

    /// `'c'` for printable ASCII, else `'\xNN'`, as CPython's messages quote a code.
    static func quotedCode(_ c: Unicode.Scalar) -> String {
        c.value > 32 && c.value < 128 ? "'\(Character(c))'" : "'\\x\(String(c.value, radix: 16))'"
    }
}
