import Autograd
import Foundation

/// Python's float arithmetic where it differs from the obvious Swift: tick
/// choices depend on exactly which side of an integer a quotient falls.
enum PythonFloatMath {
    /// `a // b` for floats.
    static func floorDivide(_ a: Double, _ b: Double) -> Double { FloorDivision.divmod(a, b).quotient }

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
