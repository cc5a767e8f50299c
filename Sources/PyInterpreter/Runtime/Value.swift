import BigInt

/// A Python value. Small immutable values live inline (no allocation for
/// ints, floats, bools, None); everything else is a reference to a `PyObject`.
/// Invariants: an int that fits in `Int` is always `.int` (never a `PyBigInt`);
/// strings are always `.str`.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(PyStr)
    case object(PyObject)
}

extension Value {
    /// A Python `str` value.
    public static func string(_ s: String) -> Value { .str(PyStr(s)) }
    /// A Python `list` value.
    public static func list(_ items: [Value]) -> Value { .object(PyList(items)) }
    /// A Python `tuple` value.
    public static func tuple(_ items: [Value]) -> Value { .object(PyTuple(items)) }
    /// A Python `int` value of any size.
    public static func integer(_ b: BigInt) -> Value {
        if let i = Int(exactly: b) { return .int(i) }
        return .object(PyBigInt(b))
    }
    public static let notImplemented = Value.object(PyNotImplementedType.shared)
    public static let ellipsis = Value.object(PyEllipsisType.shared)

    public var isNone: Bool { if case .none = self { return true }; return false }
    public var isNotImplemented: Bool {
        if case .object(let o) = self { return o === PyNotImplementedType.shared }
        return false
    }

    /// The object behind the value, when it is one.
    public var object: PyObject? { if case .object(let o) = self { return o }; return nil }
    /// The Swift string of a Python `str`.
    public var stringValue: String? { if case .str(let s) = self { return s.value }; return nil }
    /// A user-class or native-class instance.
    public var instance: PyInstance? { if case .object(let o) = self { return o as? PyInstance }; return nil }

    /// The Python type of the value.
    public var pyType: PyType {
        switch self {
        case .none: return PyType.noneType
        case .bool: return PyType.bool
        case .int: return PyType.int
        case .float: return PyType.float
        case .str: return PyType.str
        case .object(let o): return o.pyType
        }
    }
    /// `type(x).__name__`, as used in error messages.
    public var typeName: String { pyType.name }

    /// Identity (`is`): same object, or equal inline values of the same kind.
    public func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.str(let a), .str(let b)): return a === b || (a.value.utf8.count <= 1 && a.value == b.value)
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}
