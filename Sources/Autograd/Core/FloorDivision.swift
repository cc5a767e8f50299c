import Foundation

/// Floor division and modulo of doubles as CPython's `float_divmod` computes
/// them (PyTorch's floor-mode division uses the same steps): the quotient is
/// derived from `fmod` so that `q * b + r == a` holds as closely as doubles allow.
public enum FloorDivision {
    /// `divmod(a, b)` for `b != 0`.
    public static func divmod(_ a: Double, _ b: Double) -> (quotient: Double, remainder: Double) {
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
}
