#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Autograd

/// `numpy.float64` scalars, what reductions and 0-d results of float64
/// arrays are. NumPy 2 prints them as `1.5` with str but `np.float64(1.5)`
/// with repr (so in lists). Arithmetic with Python numbers stays float64;
/// with arrays it defers to the array's reflected operator.
enum NumpyFloat64 {
    static func make(_ d: Double) -> Value { .object(PyInstance(cls: type, payload: Tensor.scalar(d, dtype: .float64))) }

    static func value(_ v: Value) throws -> Double {
        try v.requirePayload(Tensor.self, "numpy.float64").scalarDouble()
    }

    /// The other operand as a double, or nil when it is not a number this scalar combines with.
    static func operand(_ v: Value) -> Double? {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        default:
            if v.pyType === type || v.pyType === NumpyFloat32.type || v.pyType === NumpyInt64.type || v.pyType === NumpyBool.type, let t = v.payload(Tensor.self) { return try? t.scalarDouble() }
            return nil
        }
    }

    static func arithmetic(_ op: @escaping (Double, Double) -> Double, reflected: Bool = false) -> NativeMethodBody {
        return { _, me, args in
            guard let other = operand(args.positional[0]) else { return .notImplemented }
            let mine = try value(me)
            return make(reflected ? op(other, mine) : op(mine, other))
        }
    }

    static func comparison(_ op: @escaping (Double, Double) -> Bool) -> NativeMethodBody {
        return { _, me, args in
            guard let other = operand(args.positional[0]) else { return .notImplemented }
            return NumpyBool.make(op(try value(me), other))
        }
    }

    /// What `float(x)` gives, so strings such as "nan" are accepted as NumPy does.
    static func pythonFloat(_ interp: Interpreter, _ x: Value) throws -> Double {
        try interp.toDouble(try interp.call(.object(PyType.float), Arguments([x])))
    }

    static func power(_ base: Double, _ exponent: Double) -> Double { pow(base, exponent) }

    static let type: PyType = {
        let b = NativeClassBuilder("float64", module: "numpy")
        b.initializer { interp, this, args in
            let a = try NativeSignature("float64", .init("x", default: .float(0))).bind(args)
            this.instance?.payload = Tensor.scalar(try pythonFloat(interp, a["x"]), dtype: .float64)
            return .none
        }
        b.method("__str__") { _, me, _ in .string(PyFloatFormat.repr(try value(me))) }
        b.method("__repr__") { _, me, _ in .string("np.float64(\(PyFloatFormat.repr(try value(me))))") }
        b.method("__format__") { interp, me, args in .string(try interp.formatValue(.float(try value(me)), args.positional[0].stringValue ?? "")) }
        b.method("__float__") { _, me, _ in .float(try value(me)) }
        b.method("__int__") { _, me, _ in
            let d = try value(me)
            guard d.isFinite else { throw PyError(d.isNaN ? .valueError : .overflowError, d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer") }
            return try IntMath.fromDouble(d)
        }
        NumpyScalarRounding.install(b)
        b.method("__bool__") { _, me, _ in .bool(try value(me) != 0) }
        b.method("__hash__") { _, me, _ in .int(try value(me).hashValue) }
        b.method("item") { _, me, _ in .float(try value(me)) }
        b.property("dtype") { _, _ in .object(NumpyDType.make(.float64)) }
        b.property("shape") { _, _ in .tuple([]) }
        b.property("ndim") { _, _ in .int(0) }
        b.method("__neg__") { _, me, _ in make(-(try value(me))) }
        b.method("__pos__") { _, me, _ in me }
        b.method("__abs__") { _, me, _ in make(Swift.abs(try value(me))) }
        b.method("__add__", arithmetic(+))
        b.method("__radd__", arithmetic(+, reflected: true))
        b.method("__sub__", arithmetic(-))
        b.method("__rsub__", arithmetic(-, reflected: true))
        b.method("__mul__", arithmetic(*))
        b.method("__rmul__", arithmetic(*, reflected: true))
        b.method("__truediv__", arithmetic(/))
        b.method("__rtruediv__", arithmetic(/, reflected: true))
        b.method("__pow__", arithmetic(power))
        b.method("__rpow__", arithmetic(power, reflected: true))
        b.method("__eq__", comparison(==))
        b.method("__ne__", comparison(!=))
        b.method("__lt__", comparison(<))
        b.method("__le__", comparison(<=))
        b.method("__gt__", comparison(>))
        b.method("__ge__", comparison(>=))
        return b.build()
    }()
}
