import Foundation
import Autograd

/// Python's arithmetic on option values, as schedulers do it on `group["lr"]`:
/// `int` op `int` stays an int (`True` counts as 1), anything with a float is
/// a float, `/` always gives a float, and errors carry CPython's wording.
/// Schedulers write their formulas with these operators in PyTorch's order
/// of operations, so every intermediate double rounds where Python's does.
extension OptionValue {
    /// A number as Python sees it in arithmetic.
    private enum Number {
        case int(Int)
        case float(Double)

        var double: Double {
            switch self {
            case .int(let i): return Double(i)
            case .float(let d): return d
            }
        }
    }

    private var number: Number? {
        switch self {
        case .int(let i): return .int(i)
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return .float(d)
        default: return nil
        }
    }

    /// `type(value).__name__`.
    public var pythonTypeName: String {
        switch self {
        case .float: return "float"
        case .int: return "int"
        case .bool: return "bool"
        case .none: return "NoneType"
        case .tuple: return "tuple"
        case .string: return "str"
        }
    }

    private static func arithmetic(_ symbol: String, _ a: OptionValue, _ b: OptionValue,
                                   int: (Int, Int) throws -> OptionValue,
                                   float: (Double, Double) throws -> OptionValue) throws -> OptionValue {
        switch (a.number, b.number) {
        case (.int(let x)?, .int(let y)?): return try int(x, y)
        case (let x?, let y?): return try float(x.double, y.double)
        default:
            throw TorchError.typeError("unsupported operand type(s) for \(symbol): '\(a.pythonTypeName)' and '\(b.pythonTypeName)'")
        }
    }

    /// Python ints never overflow; Litgrad's option ints are 64-bit and say so.
    private static func checked(_ result: (partialValue: Int, overflow: Bool)) throws -> OptionValue {
        if result.overflow { throw TorchError(type: "OverflowError", message: "integer result does not fit in 64 bits") }
        return .int(result.partialValue)
    }

    public static func + (a: OptionValue, b: OptionValue) throws -> OptionValue {
        try arithmetic("+", a, b, int: { try checked($0.addingReportingOverflow($1)) }, float: { .float($0 + $1) })
    }

    public static func - (a: OptionValue, b: OptionValue) throws -> OptionValue {
        try arithmetic("-", a, b, int: { try checked($0.subtractingReportingOverflow($1)) }, float: { .float($0 - $1) })
    }

    public static func * (a: OptionValue, b: OptionValue) throws -> OptionValue {
        try arithmetic("*", a, b, int: { try checked($0.multipliedReportingOverflow(by: $1)) }, float: { .float($0 * $1) })
    }

    /// True division: always a float (an int quotient of ints below 2**53 rounds once, as CPython's does).
    public static func / (a: OptionValue, b: OptionValue) throws -> OptionValue {
        try arithmetic("/", a, b, int: { x, y in
            if y == 0 { throw TorchError(type: "ZeroDivisionError", message: "division by zero") }
            return .float(Double(x) / Double(y))
        }, float: { x, y in
            if y == 0 { throw TorchError(type: "ZeroDivisionError", message: "float division by zero") }
            return .float(x / y)
        })
    }

    /// `a % b`: the result takes the divisor's sign.
    public static func % (a: OptionValue, b: OptionValue) throws -> OptionValue {
        try arithmetic("%", a, b, int: { x, y in
            if y == 0 { throw TorchError(type: "ZeroDivisionError", message: "integer modulo by zero") }
            return .int(PythonMath.modulo(x, y))
        }, float: { x, y in
            if y == 0 { throw TorchError(type: "ZeroDivisionError", message: "float modulo") }
            var r = fmod(x, y)
            if r != 0 {
                if (y < 0) != (r < 0) { r += y }
            } else {
                r = copysign(0, y)
            }
            return .float(r)
        })
    }

    /// `a ** b`: an int to a non-negative int power stays an int; the rest is C's `pow`.
    public func raised(to exponent: OptionValue) throws -> OptionValue {
        try OptionValue.arithmetic("** or pow()", self, exponent, int: { base, e in
            if e >= 0 {
                var result = 1, square = base, n = e
                while n > 0 {
                    if n & 1 == 1 { result = try OptionValue.checked(result.multipliedReportingOverflow(by: square)).intValue }
                    n >>= 1
                    if n > 0 { square = try OptionValue.checked(square.multipliedReportingOverflow(by: square)).intValue }
                }
                return .int(result)
            }
            return try OptionValue.floatPower(Double(base), Double(e))
        }, float: OptionValue.floatPower)
    }

    private static func floatPower(_ x: Double, _ y: Double) throws -> OptionValue {
        if x == 0 && y < 0 { throw TorchError(type: "ZeroDivisionError", message: "0.0 cannot be raised to a negative power") }
        if x < 0 && x.isFinite && y.isFinite && y != y.rounded(.down) {
            throw TorchError.value("a negative number to a fractional power is complex, which Litgrad's schedulers do not support")
        }
        return .float(PythonMath.pow(x, y))
    }

    private var intValue: Int {
        if case .int(let i) = self { return i }
        return 0
    }

    /// `float(value)`.
    public func pythonFloat() throws -> Double {
        guard let n = number else {
            throw TorchError.typeError("float() argument must be a string or a real number, not '\(pythonTypeName)'")
        }
        return n.double
    }

    /// The number a Python comparison `self op <rhsType value>` reads, or its TypeError.
    func comparable(with rhsType: String, _ op: String = ">") throws -> Double {
        guard let d = doubleValue else {
            throw TorchError.typeError("'\(op)' not supported between instances of '\(pythonTypeName)' and '\(rhsType)'")
        }
        return d
    }

    /// The int inside, for results that Python's types make ints.
    func requireInt() throws -> Int {
        guard case .int(let i) = self else { throw TorchError.typeError("expected an int, got \(pythonTypeName)") }
        return i
    }

    /// Python's `value == 0`, which holds for `0`, `0.0`, `-0.0` and `False`.
    var isZero: Bool { doubleValue == 0 }
}

extension PythonMath {
    /// `math.cos(x)`: glibc's cos, as CPython calls it.
    static func cos(_ x: OptionValue) throws -> OptionValue {
        guard let d = x.doubleValue else { throw TorchError.typeError("must be real number, not \(x.pythonTypeName)") }
        return .float(Foundation.cos(d))
    }
}
