import Autograd

/// A value of an optimizer or scheduler option, kept with its Python type so
/// it prints as Python would (`momentum: 0` stays an int, `lr: 0.1` a float).
public enum OptionValue: Equatable {
    case float(Double)
    case int(Int)
    case bool(Bool)
    case none
    case tuple([OptionValue])
    case string(String)

    /// The number a step reads (bools count as 0/1 like Python's).
    public var doubleValue: Double? {
        switch self {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    public var isNumber: Bool { doubleValue != nil }

    /// `str(value)`, as `Optimizer.__repr__` prints it.
    public var pythonStr: String {
        if case .string(let s) = self { return s }
        return pythonRepr
    }

    /// `repr(value)`.
    public var pythonRepr: String {
        switch self {
        case .float(let d): return PythonRepr.float(d)
        case .int(let i): return String(i)
        case .bool(let b): return PythonRepr.bool(b)
        case .none: return "None"
        case .tuple(let items): return PythonRepr.tuple(items.map(\.pythonRepr))
        case .string(let s): return PythonRepr.string(s)
        }
    }

    /// Python's `a * b` for numbers: int × int stays int, anything with a float is float.
    public static func * (a: OptionValue, b: OptionValue) -> OptionValue {
        if case .int(let x) = a, case .int(let y) = b { return .int(x &* y) }
        return .float((a.doubleValue ?? .nan) * (b.doubleValue ?? .nan))
    }

    /// Python's `a ** n` for a non-negative int exponent.
    public func power(_ n: Int) -> OptionValue {
        if case .int(let x) = self {
            var r = 1
            for _ in 0..<n { r = r &* x }
            return .int(r)
        }
        return .float(PythonMath.pow(doubleValue ?? .nan, Double(n)))
    }
}

extension OptionValue: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
