import Foundation

/// Python float arithmetic that optimizers and schedulers do in doubles.
enum PythonMath {
    /// `x ** y` on floats: C's `pow` (correctly rounded in glibc).
    static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
}

extension PythonMath {
    /// Python's `a % b` on ints (the result takes the divisor's sign).
    static func modulo(_ a: Int, _ b: Int) -> Int {
        let r = a % b
        return r != 0 && ((r < 0) != (b < 0)) ? r + b : r
    }
}
