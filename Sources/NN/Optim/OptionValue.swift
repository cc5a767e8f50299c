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
}

extension OptionValue: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
