import Foundation

/// Python's float arithmetic where it differs from the obvious Swift: tick
/// choices depend on exactly which side of an integer a quotient falls.
enum PythonFloatMath {
    /// `divmod(a, b)` for floats (CPython's `float_divmod`).
    static func divmod(_ a: Double, _ b: Double) -> (quotient: Double, remainder: Double) {
        var mod = fmod(a, b)
        var div = (a - mod) / b
        if mod != 0 {
            if (b < 0) != (mod < 0) {
                mod += b
                div -= 1
            }
        } else {
            mod = copysign(0, b)
        }
        var floorDiv: Double
        if div != 0 {
            floorDiv = floor(div)
            if div - floorDiv > 0.5 { floorDiv += 1 }
        } else {
            floorDiv = copysign(0, a / b)
        }
        return (floorDiv, mod)
    }

    /// `a // b` for floats.
    static func floorDivide(_ a: Double, _ b: Double) -> Double { divmod(a, b).quotient }

    /// `numpy.round(x, decimals)`: scale, round half to even, scale back.
    static func round(_ x: Double, decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (x * scale).rounded(.toNearestOrEven) / scale
    }

    /// `'%1.<digits>f' % x`.
    static func fixed(_ x: Double, digits: Int) -> String {
        String(format: "%1.\(digits)f", x)
    }

    /// `int(x)` for a value already rounded, 0 for NaN and clamped far out
    /// (where Swift's `Int(_:)` would trap).
    static func int(_ x: Double) -> Int {
        guard x.isFinite else { return x.isNaN ? 0 : (x > 0 ? Int.max / 2 : Int.min / 2) }
        return Int(max(min(x, 1e15), -1e15))
    }

    /// matplotlib's `fix_minus`: a hyphen-minus becomes U+2212.
    static func unicodeMinus(_ text: String) -> String {
        text.replacingOccurrences(of: "-", with: "\u{2212}")
    }
}
