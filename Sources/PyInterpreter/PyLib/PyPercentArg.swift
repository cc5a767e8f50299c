import BigInt

/// One value given to `%`-formatting. Python ints, bools, floats and strs
/// are formatted here; anything else is an `object` that tells how to turn
/// it into text or a number.
public enum PyPercentArg {
    case int(BigInt)
    case bool(Bool)
    case float(Double)
    case str(String)
    case object(PyPercentObject)
}

/// An arbitrary Python object seen by `%`-formatting. The conversions run
/// only when a conversion asks for them and may throw the interpreter's own
/// errors, which propagate unchanged. A nil conversion means the object has
/// no such method (`__int__`, `__index__`, `__float__`), which raises
/// CPython's TypeError for that conversion.
public struct PyPercentObject {
    /// `type(v).__name__`, for error messages.
    public var typeName: String
    public var str: () throws -> String
    public var repr: () throws -> String
    /// `int(v)`, used by `%d %i %u`.
    public var toInt: (() throws -> BigInt)?
    /// `operator.index(v)`, used by `%x %X %o %c` (and by `%d` without `__int__`).
    public var toIndex: (() throws -> BigInt)?
    /// `float(v)`, used by `%e %f %g`.
    public var toFloat: (() throws -> Double)?

    public init(
        typeName: String, str: @escaping () throws -> String, repr: @escaping () throws -> String,
        toInt: (() throws -> BigInt)? = nil, toIndex: (() throws -> BigInt)? = nil,
        toFloat: (() throws -> Double)? = nil
    ) {
        self.typeName = typeName
        self.str = str
        self.repr = repr
        self.toInt = toInt
        self.toIndex = toIndex
        self.toFloat = toFloat
    }

    /// A non-numeric object whose `str` and `repr` are already known
    /// (None, a list, a tensor printed ahead of time, …).
    public static func text(typeName: String, str: String, repr: String) -> PyPercentObject {
        PyPercentObject(typeName: typeName, str: { str }, repr: { repr })
    }
}

/// The right operand of `template % operand`, classified as CPython does.
public enum PyPercentOperand {
    /// A tuple: its items are the arguments.
    case tuple([PyPercentArg])
    /// Any other single value, a str included.
    case single(PyPercentArg)
    /// A mapping (dict, or anything with `__getitem__` that is not a tuple or
    /// str, lists included): `%(key)s` looks keys up with `lookup`, which
    /// throws the interpreter's KeyError; plain `%s` formats the whole value.
    case mapping(PyPercentArg, lookup: (String) throws -> PyPercentArg)
}
