import Foundation
import Autograd

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

extension PythonMath {
    /// Python's `a // b` on ints (rounds toward negative infinity).
    static func floorDivide(_ a: Int, _ b: Int) throws -> Int {
        if b == 0 { throw TorchError(type: "ZeroDivisionError", message: "integer division or modulo by zero") }
        let q = a / b
        return (a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q
    }

    /// `bisect.bisect_right(sorted, x)`: how many items are at most `x`.
    static func bisectRight(_ sorted: [Int], _ x: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if x < sorted[mid] { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
