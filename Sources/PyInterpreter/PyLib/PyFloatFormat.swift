/// CPython's float-to-text rules (`PyOS_double_to_string` and
/// `format_float_short` in Python/pystrtod.c): `repr`/`str`, and the `e`,
/// `f`, `g` styles that format specs and `%`-formatting share.
public enum PyFloatFormat {
    /// `repr(x)` and `str(x)`: shortest round-trip digits, positional for
    /// 1e-4 <= |x| < 1e16 with at least one digit after the point
    /// (`3.0`, `0.0001`), otherwise `1e-05`, `1e+16`; `inf`, `nan`, `-0.0`.
    public static func repr(_ x: Double) -> String {
        string(x, style: .repr, precision: 0, addDotZero: true)
    }

    /// `str(x)`: the same text as `repr` in Python 3.
    public static func str(_ x: Double) -> String {
        repr(x)
    }

    /// The presentation styles of `PyOS_double_to_string`.
    enum Style {
        /// `e`: exponent, `precision` digits after the point.
        case exponent
        /// `f`: `precision` digits after the point.
        case fixed
        /// `g`: `precision` significant digits, trailing zeros removed.
        case general
        /// `r`: shortest round-trip digits (precision unused).
        case repr
    }

    /// `PyOS_double_to_string(x, style, precision, flags)`.
    /// - alwaysSign: `Py_DTSF_SIGN`; addDotZero: `Py_DTSF_ADD_DOT_0`;
    ///   alternate: `Py_DTSF_ALT` (`#`); noNegativeZero: `Py_DTSF_NO_NEG_0` (`z`).
    static func string(
        _ x: Double, style: Style, precision: Int, uppercase: Bool = false,
        alwaysSign: Bool = false, addDotZero: Bool = false, alternate: Bool = false,
        noNegativeZero: Bool = false
    ) -> String {
        if x.isNaN { return (alwaysSign ? "+" : "") + (uppercase ? "NAN" : "nan") }
        if x.isInfinite {
            return (x < 0 ? "-" : alwaysSign ? "+" : "") + (uppercase ? "INF" : "inf")
        }
        var precision = precision
        let decimal: PyDecimalDigits
        switch style {
        case .exponent:
            precision += 1
            decimal = .significant(x, count: precision)
        case .fixed:
            decimal = .fractional(x, count: precision)
        case .general:
            if precision == 0 { precision = 1 }
            decimal = .significant(x, count: precision)
        case .repr:
            decimal = .shortest(x)
        }
        var negative = x.sign == .minus
        if noNegativeZero && negative && decimal.isZero { negative = false }
        return layout(
            decimal, negative: negative, style: style, precision: precision,
            uppercase: uppercase, alwaysSign: alwaysSign, addDotZero: addDotZero, alternate: alternate)
    }

    /// Lays the digits out as a slice of the infinite string …000 digits 000…
    /// with exactly one decimal point, then drops a trailing point unless
    /// `#` asked for it and appends the exponent.
    private static func layout(
        _ decimal: PyDecimalDigits, negative: Bool, style: Style, precision: Int,
        uppercase: Bool, alwaysSign: Bool, addDotZero: Bool, alternate: Bool
    ) -> String {
        let digits = decimal.digits
        var point = decimal.point
        var end = digits.count
        var useExponent = false
        switch style {
        case .exponent:
            useExponent = true
            end = precision
        case .fixed:
            end = point + precision
        case .general:
            if point <= -4 || point > (addDotZero ? precision - 1 : precision) { useExponent = true }
            if alternate { end = precision }
        case .repr:
            if point <= -4 || point > 16 { useExponent = true }
        }
        var exponent = 0
        if useExponent {
            exponent = point - 1
            point = 1
        }
        if !useExponent && addDotZero {
            end = max(end, point + 1)
        } else {
            end = max(end, point)
        }

        let zero = UInt8(ascii: "0")
        let dot = UInt8(ascii: ".")
        var out: [UInt8] = []
        out.reserveCapacity(end + max(0, -point) + 8)
        if negative {
            out.append(UInt8(ascii: "-"))
        } else if alwaysSign {
            out.append(UInt8(ascii: "+"))
        }
        if point <= 0 {
            out.append(zero)
            out.append(dot)
            out.append(contentsOf: repeatElement(zero, count: -point))
        }
        if point > 0 && point <= digits.count {
            out.append(contentsOf: digits[0..<point])
            out.append(dot)
            out.append(contentsOf: digits[point...])
        } else {
            out.append(contentsOf: digits)
        }
        if digits.count < point {
            out.append(contentsOf: repeatElement(zero, count: point - digits.count))
            out.append(dot)
            out.append(contentsOf: repeatElement(zero, count: end - point))
        } else {
            out.append(contentsOf: repeatElement(zero, count: end - digits.count))
        }
        if out.last == dot && !alternate { out.removeLast() }
        if useExponent {
            out.append(uppercase ? UInt8(ascii: "E") : UInt8(ascii: "e"))
            out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let magnitude = exponent.magnitude
            if magnitude < 10 { out.append(zero) }
            out.append(contentsOf: String(magnitude).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
