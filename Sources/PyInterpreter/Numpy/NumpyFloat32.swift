#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Autograd

/// `numpy.float32` scalars: float32 arithmetic with Python numbers (NumPy 2's
/// weak-scalar rule keeps the result float32) and float32 shortest text.
/// The payload is a 0-d float32 tensor, so torch functions accept it.
enum NumpyFloat32 {
    static func make(_ f: Float) -> Value { .object(PyInstance(cls: type, payload: Tensor.scalar(Double(f), dtype: .float32))) }

    static func value(_ v: Value) throws -> Float {
        let t = try v.requirePayload(Tensor.self, "numpy.float32")
        return Float(try t.scalarDouble())
    }

    /// The other operand as a float32, or nil when NumPy would not stay in float32.
    static func operand(_ v: Value) -> Float? {
        switch v {
        case .float(let d): return Float(d)
        case .int(let i): return Float(i)
        case .bool(let b): return b ? 1 : 0
        default:
            if v.pyType === type, let t = v.payload(Tensor.self), let d = try? t.scalarDouble() { return Float(d) }
            return nil
        }
    }

    static func arithmetic(_ op: @escaping (Float, Float) -> Float, reflected: Bool = false) -> NativeMethodBody {
        return { _, me, args in
            guard let other = operand(args.positional[0]) else { return .notImplemented }
            let mine = try value(me)
            return make(reflected ? op(other, mine) : op(mine, other))
        }
    }

    static func comparison(_ op: @escaping (Float, Float) -> Bool) -> NativeMethodBody {
        return { _, me, args in
            guard let other = operand(args.positional[0]) else { return .notImplemented }
            return NumpyBool.make(op(try value(me), other))
        }
    }

    static let type: PyType = {
        let b = NativeClassBuilder("float32", module: "numpy")
        // `np.float32(x)`: the number rounded to float32.
        b.initializer { interp, this, args in
            let a = try NativeSignature("float32", .init("x", default: .float(0))).bind(args)
            this.instance?.payload = Tensor.scalar(Double(Float(try NumpyFloat64.pythonFloat(interp, a["x"]))), dtype: .float32)
            return .none
        }
        b.method("__str__") { _, me, _ in .string(NumpyFormatter.float32Str(try value(me))) }
        b.method("__repr__") { _, me, _ in .string("np.float32(\(NumpyFormatter.float32Str(try value(me))))") }
        b.method("__format__") { interp, me, args in .string(try interp.formatValue(.float(Double(try value(me))), args.positional[0].stringValue ?? "")) }
        b.method("__float__") { _, me, _ in .float(Double(try value(me))) }
        b.method("__int__") { _, me, _ in
            let f = try value(me)
            guard f.isFinite else { throw PyError(f.isNaN ? .valueError : .overflowError, f.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer") }
            return try IntMath.fromDouble(Double(f))
        }
        b.method("__bool__") { _, me, _ in .bool(try value(me) != 0) }
        b.method("__hash__") { _, me, _ in .int(Double(try value(me)).hashValue) }
        NumpyScalarRounding.install(b)
        b.method("item") { _, me, _ in .float(Double(try value(me))) }
        b.property("dtype") { _, _ in .object(NumpyDType.make(.float32)) }
        b.method("__neg__") { _, me, _ in make(-(try value(me))) }
        b.method("__pos__") { _, me, _ in me }
        b.method("__abs__") { _, me, _ in make(abs(try value(me))) }
        b.method("__add__", arithmetic(+))
        b.method("__radd__", arithmetic(+, reflected: true))
        b.method("__sub__", arithmetic(-))
        b.method("__rsub__", arithmetic(-, reflected: true))
        b.method("__mul__", arithmetic(*))
        b.method("__rmul__", arithmetic(*, reflected: true))
        b.method("__truediv__", arithmetic(/))
        b.method("__rtruediv__", arithmetic(/, reflected: true))
        b.method("__pow__", arithmetic { Float(pow(Double($0), Double($1))) })
        b.method("__rpow__", arithmetic({ Float(pow(Double($0), Double($1))) }, reflected: true))
        b.method("__eq__", comparison(==))
        b.method("__ne__", comparison(!=))
        b.method("__lt__", comparison(<))
        b.method("__le__", comparison(<=))
        b.method("__gt__", comparison(>))
        b.method("__ge__", comparison(>=))
        return b.build()
    }()
}
