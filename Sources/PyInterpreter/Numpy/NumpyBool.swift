import Autograd

/// `numpy.bool` scalars (`np.True_`, `np.False_`): what comparing NumPy
/// scalars or indexing a bool array gives. str is `True`, repr `np.True_`.
/// Arithmetic treats them as 0/1 int64 scalars, as NumPy does with Python numbers.
enum NumpyBool {
    static func make(_ b: Bool) -> Value { .object(PyInstance(cls: type, payload: Tensor.scalar(b ? 1 : 0, dtype: .bool))) }

    static func value(_ v: Value) throws -> Bool {
        try v.requirePayload(Tensor.self, "numpy.bool").scalarDouble() != 0
    }

    /// Python bools and NumPy bools (nil for anything else).
    private static func boolOperand(_ v: Value) -> Bool? {
        if case .bool(let b) = v { return b }
        if v.pyType === type { return try? value(v) }
        return nil
    }

    /// The int64 operator of the same name, on 0 or 1.
    private static func asInteger(_ name: String) -> NativeMethodBody {
        let symbol = Symbol.intern(name)
        return { interp, me, args in
            guard let method = NumpyInt64.type.lookup(symbol) else { return .notImplemented }
            return try interp.callDescriptor(method, NumpyInt64.make(try value(me) ? 1 : 0), args)
        }
    }

    private static func logical(_ op: @escaping (Bool, Bool) -> Bool) -> NativeMethodBody {
        return { _, me, args in
            guard let other = boolOperand(args.positional[0]) else { return .notImplemented }
            return make(op(try value(me), other))
        }
    }

    static let type: PyType = {
        let b = NativeClassBuilder("bool", module: "numpy")
        b.initializer { interp, this, args in
            let a = try NativeSignature("bool", .init("x", default: .bool(false))).bind(args)
            this.instance?.payload = Tensor.scalar(try interp.isTruthy(a["x"]) ? 1 : 0, dtype: .bool)
            return .none
        }
        b.method("__str__") { _, me, _ in .string(try value(me) ? "True" : "False") }
        b.method("__repr__") { _, me, _ in .string(try value(me) ? "np.True_" : "np.False_") }
        b.method("__format__") { interp, me, args in .string(try interp.formatValue(.bool(try value(me)), args.positional[0].stringValue ?? "")) }
        b.method("__bool__") { _, me, _ in .bool(try value(me)) }
        b.method("__int__") { _, me, _ in .int(try value(me) ? 1 : 0) }
        b.method("__float__") { _, me, _ in .float(try value(me) ? 1 : 0) }
        b.method("item") { _, me, _ in .bool(try value(me)) }
        b.property("dtype") { _, _ in .object(NumpyDType.make(.bool)) }
        b.method("__invert__") { _, me, _ in make(!(try value(me))) }
        b.method("__and__", logical { $0 && $1 })
        b.method("__rand__", logical { $0 && $1 })
        b.method("__or__", logical { $0 || $1 })
        b.method("__ror__", logical { $0 || $1 })
        b.method("__xor__", logical { $0 != $1 })
        b.method("__eq__") { _, me, args in
            guard let other = NumpyFloat64.operand(args.positional[0]) else { return .notImplemented }
            return make((try value(me) ? 1.0 : 0.0) == other)
        }
        b.method("__ne__") { _, me, args in
            guard let other = NumpyFloat64.operand(args.positional[0]) else { return .notImplemented }
            return make((try value(me) ? 1.0 : 0.0) != other)
        }
        for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow"] {
            b.method("__\(name)__", asInteger("__\(name)__"))
            b.method("__r\(name)__", asInteger("__r\(name)__"))
        }
        for name in ["__lt__", "__le__", "__gt__", "__ge__", "__neg__", "__pos__", "__abs__"] {
            b.method(name, asInteger(name))
        }
        return b.build()
    }()
}
