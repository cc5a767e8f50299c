import Autograd

/// `numpy.int64` scalars: what indexing, iterating and reducing int64 arrays
/// give (`argmax`, `a.sum()`, `a[0]`). str is `3`, repr `np.int64(3)`. They
/// index lists and ranges (`__index__`). With Python ints they stay int64
/// (wrapping on overflow, as NumPy's array arithmetic does); with floats and
/// `/` they become `numpy.float64`; arrays take over through their reflected operators.
enum NumpyInt64 {
    static func make(_ i: Int64) -> Value { .object(PyInstance(cls: type, payload: Tensor.scalar(Double(i), dtype: .int64))) }

    static func value(_ v: Value) throws -> Int64 {
        try v.requirePayload(Tensor.self, "numpy.int64").scalarInt64()
    }

    private enum Operand { case int(Int64), float(Double) }

    private static func operand(_ v: Value) -> Operand? {
        switch v {
        case .int(let i): return .int(Int64(i))
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return .float(d)
        default:
            if v.pyType === type || v.pyType === NumpyBool.type, let t = v.payload(Tensor.self), let i = try? t.scalarInt64() { return .int(i) }
            if v.pyType === NumpyFloat64.type, let d = try? NumpyFloat64.value(v) { return .float(d) }
            return nil
        }
    }

    /// An arithmetic operator: `integer` on two int64s (nil → the float path), `real` otherwise.
    private static func arithmetic(reflected: Bool = false,
                                   integer: @escaping (Int64, Int64) throws -> Int64?,
                                   real: @escaping (Double, Double) -> Double) -> NativeMethodBody {
        return { _, me, args in
            guard let other = operand(args.positional[0]) else { return .notImplemented }
            let mine = try value(me)
            if case .int(let o) = other, let r = try (reflected ? integer(o, mine) : integer(mine, o)) { return make(r) }
            let o: Double
            switch other { case .int(let i): o = Double(i); case .float(let d): o = d }
            return NumpyFloat64.make(reflected ? real(o, Double(mine)) : real(Double(mine), o))
        }
    }

    private static func comparison(_ op: @escaping (Double, Double) -> Bool, _ exact: @escaping (Int64, Int64) -> Bool) -> NativeMethodBody {
        return { _, me, args in
            guard let other = operand(args.positional[0]) else { return .notImplemented }
            let mine = try value(me)
            switch other {
            case .int(let o): return NumpyBool.make(exact(mine, o))
            case .float(let d): return NumpyBool.make(op(Double(mine), d))
            }
        }
    }

    /// Python's floor division and modulo (NumPy's for int64 match them; division by zero gives 0).
    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        guard b != 0 else { return 0 }
        if b == -1 { return 0 &- a }
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return r != 0 && (r < 0) != (b < 0) ? q - 1 : q
    }

    private static func modulo(_ a: Int64, _ b: Int64) -> Int64 {
        guard b != 0 && b != -1 else { return 0 }
        let r = a % b
        return r != 0 && (r < 0) != (b < 0) ? r + b : r
    }

    private static func power(_ base: Int64, _ exponent: Int64) throws -> Int64 {
        guard exponent >= 0 else { throw PyError(.valueError, "Integers to negative integer powers are not allowed.") }
        return Tensor.integerPower(base, exponent)
    }

    static let type: PyType = {
        let b = NativeClassBuilder("int64", module: "numpy")
        // `np.int64(x)`: floats truncate toward zero, as int() does.
        b.initializer { interp, this, args in
            let a = try NativeSignature("int64", .init("x", default: .int(0))).bind(args)
            let x = a["x"]
            let i: Int
            if case .float(let d) = x {
                guard !d.isNaN else { throw PyError(.valueError, "cannot convert float NaN to integer") }
                guard d.isFinite, abs(d) < 9.2e18 else { throw PyError(.overflowError, "Python int too large to convert to C long") }
                i = Int(d.rounded(.towardZero))
            } else {
                i = try interp.indexValue(x)
            }
            this.instance?.payload = Tensor.scalar(Double(i), dtype: .int64)
            return .none
        }
        b.method("__str__") { _, me, _ in .string(String(try value(me))) }
        b.method("__repr__") { _, me, _ in .string("np.int64(\(try value(me)))") }
        b.method("__format__") { interp, me, args in .string(try interp.formatValue(.int(Int(try value(me))), args.positional[0].stringValue ?? "")) }
        b.method("__index__") { _, me, _ in .int(Int(try value(me))) }
        b.method("__int__") { _, me, _ in .int(Int(try value(me))) }
        b.method("__float__") { _, me, _ in .float(Double(try value(me))) }
        NumpyScalarRounding.install(b)
        b.method("__bool__") { _, me, _ in .bool(try value(me) != 0) }
        b.method("__hash__") { _, me, _ in .int(Int(try value(me))) }
        b.method("item") { _, me, _ in .int(Int(try value(me))) }
        b.property("dtype") { _, _ in .object(NumpyDType.make(.int64)) }
        b.property("shape") { _, _ in .tuple([]) }
        b.property("ndim") { _, _ in .int(0) }
        b.method("__neg__") { _, me, _ in make(0 &- (try value(me))) }
        b.method("__pos__") { _, me, _ in me }
        b.method("__abs__") { _, me, _ in
            let i = try value(me)
            return make(i < 0 ? 0 &- i : i)  // wraps at Int64.min, as NumPy does
        }
        for reflected in [false, true] {
            let r = reflected ? "r" : ""
            b.method("__\(r)add__", arithmetic(reflected: reflected, integer: { $0 &+ $1 }, real: +))
            b.method("__\(r)sub__", arithmetic(reflected: reflected, integer: { $0 &- $1 }, real: -))
            b.method("__\(r)mul__", arithmetic(reflected: reflected, integer: { $0 &* $1 }, real: *))
            b.method("__\(r)truediv__", arithmetic(reflected: reflected, integer: { _, _ in nil }, real: /))
            b.method("__\(r)floordiv__", arithmetic(reflected: reflected, integer: { floorDivide($0, $1) }, real: { ($0 / $1).rounded(.down) }))
            b.method("__\(r)mod__", arithmetic(reflected: reflected, integer: { modulo($0, $1) }, real: { a, m in
                let r = a.truncatingRemainder(dividingBy: m)
                return r != 0 && (r < 0) != (m < 0) ? r + m : r
            }))
            b.method("__\(r)pow__", arithmetic(reflected: reflected, integer: { try power($0, $1) }, real: { NumpyFloat64.power($0, $1) }))
        }
        b.method("__eq__", comparison(==, ==))
        b.method("__ne__", comparison(!=, !=))
        b.method("__lt__", comparison(<, <))
        b.method("__le__", comparison(<=, <=))
        b.method("__gt__", comparison(>, >))
        b.method("__ge__", comparison(>=, >=))
        return b.build()
    }()
}
