import Autograd

/// ndarray's Python operators: NumPy 2 promotion decides the dtype, both
/// sides are cast to it, then the engine's broadcasting kernel runs.
/// Augmented assignment writes into the array, as NumPy's `a -= b` does.
enum NumpyArrayOperators {
    typealias Kernel = (Tensor, Tensor) throws -> Tensor

    struct Ufunc {
        let name: String
        let kernel: Kernel
        /// `/` of integers gives float64.
        var alwaysFloat = false
    }

    static let add = Ufunc(name: "add") { try $0.add($1) }
    static let subtract = Ufunc(name: "subtract") { try $0.sub($1) }
    static let multiply = Ufunc(name: "multiply") { try $0.mul($1) }
    static let divide = Ufunc(name: "divide", kernel: { try $0.div($1) }, alwaysFloat: true)
    static let power = Ufunc(name: "power") { try $0.pow($1) }
    static let floorDivide = Ufunc(name: "floor_divide") { try $0.floorDivide($1) }
    static let remainder = Ufunc(name: "remainder") { try $0.remainder($1) }

    /// Runs a ufunc on two Python values (nil when either is not NumPy data).
    static func apply(_ interp: Interpreter, _ ufunc: Ufunc, _ lhs: Value, _ rhs: Value) throws -> Value? {
        guard let a = try NumpyOperand.from(interp, lhs), let b = try NumpyOperand.from(interp, rhs) else { return nil }
        return try NumpyArray.element(compute(ufunc, a, b))
    }

    static func compute(_ ufunc: Ufunc, _ a: NumpyOperand, _ b: NumpyOperand) throws -> Tensor {
        _ = try NumpyErrors.broadcast(a.tensor.shape, b.tensor.shape)
        var dtype = NumpyPromotion.result(a, b)
        if ufunc.alwaysFloat && !dtype.isFloatingPoint { dtype = .float64 }
        if ufunc.name == "power", !dtype.isFloatingPoint, b.tensor.int64s().contains(where: { $0 < 0 }) {
            throw PyError(.valueError, "Integers to negative integer powers are not allowed.")
        }
        return try GradMode.with(enabled: false) { try ufunc.kernel(a.tensor.to(dtype), b.tensor.to(dtype)) }
    }

    static func comparison(_ interp: Interpreter, _ lhs: Value, _ rhs: Value, _ kernel: Kernel) throws -> Value {
        guard let a = try NumpyOperand.from(interp, lhs), let b = try NumpyOperand.from(interp, rhs) else { return .notImplemented }
        _ = try NumpyErrors.broadcast(a.tensor.shape, b.tensor.shape)
        let dtype = NumpyPromotion.result(a, b)
        return try NumpyArray.element(kernel(a.tensor.to(dtype), b.tensor.to(dtype)))
    }

    static func install(_ b: NativeClassBuilder) {
        func binary(_ name: String, _ ufunc: Ufunc) {
            b.binaryMethod("__\(name)__") { interp, me, other in try apply(interp, ufunc, me, other) ?? .notImplemented }
            b.binaryMethod("__r\(name)__") { interp, me, other in try apply(interp, ufunc, other, me) ?? .notImplemented }
            b.binaryMethod("__i\(name)__") { interp, me, other in try inPlace(interp, ufunc, me, other) }
        }
        binary("add", add)
        binary("sub", subtract)
        binary("mul", multiply)
        binary("truediv", divide)
        binary("pow", power)
        binary("floordiv", floorDivide)
        binary("mod", remainder)
        b.binaryMethod("__matmul__") { interp, me, other in try matmul(interp, me, other) ?? .notImplemented }
        b.binaryMethod("__rmatmul__") { interp, me, other in try matmul(interp, other, me) ?? .notImplemented }
        b.binaryMethod("__eq__") { interp, me, other in try comparison(interp, me, other) { try $0.eq($1) } }
        b.binaryMethod("__ne__") { interp, me, other in try comparison(interp, me, other) { try $0.ne($1) } }
        b.binaryMethod("__lt__") { interp, me, other in try comparison(interp, me, other) { try $0.lt($1) } }
        b.binaryMethod("__le__") { interp, me, other in try comparison(interp, me, other) { try $0.le($1) } }
        b.binaryMethod("__gt__") { interp, me, other in try comparison(interp, me, other) { try $0.gt($1) } }
        b.binaryMethod("__ge__") { interp, me, other in try comparison(interp, me, other) { try $0.ge($1) } }
        b.method("__neg__") { _, me, _ in
            let t = try NumpyArray.this(me)
            if t.dtype == .bool {
                throw PyError(.typeError, "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
            }
            return try NumpyArray.element(t.neg())
        }
        b.method("__pos__") { _, me, _ in try NumpyArray.make(NumpyArray.this(me)) }
        b.method("__abs__") { _, me, _ in try NumpyArray.element(NumpyArray.this(me).abs()) }
        b.method("__invert__") { _, me, _ in
            let t = try NumpyArray.this(me)
            guard t.dtype == .bool else { return try NumpyArray.element(t.neg().sub(Tensor.scalar(1, dtype: t.dtype))) }
            return try NumpyArray.element(t.logicalNot())
        }
        b.binaryMethod("__and__") { interp, me, other in try logical(interp, me, other) { try $0.logicalAnd($1) } }
        b.binaryMethod("__rand__") { interp, me, other in try logical(interp, other, me) { try $0.logicalAnd($1) } }
        b.binaryMethod("__or__") { interp, me, other in try logical(interp, me, other) { try $0.logicalOr($1) } }
        b.binaryMethod("__ror__") { interp, me, other in try logical(interp, other, me) { try $0.logicalOr($1) } }
    }

    /// `&` and `|` of boolean arrays (masks); integer bitwise ops are not supported.
    static func logical(_ interp: Interpreter, _ lhs: Value, _ rhs: Value, _ kernel: Kernel) throws -> Value {
        guard let a = try NumpyOperand.from(interp, lhs), let b = try NumpyOperand.from(interp, rhs) else { return .notImplemented }
        guard a.tensor.dtype == .bool, b.tensor.dtype == .bool else {
            throw PyError(.typeError, "Litgrad supports & and | on boolean arrays only")
        }
        return try NumpyArray.element(kernel(a.tensor, b.tensor))
    }

    /// `a @ b` (and `np.matmul`): NumPy's matmul semantics are torch.matmul's.
    static func matmul(_ interp: Interpreter, _ lhs: Value, _ rhs: Value) throws -> Value? {
        guard let a = try NumpyOperand.from(interp, lhs), let b = try NumpyOperand.from(interp, rhs) else { return nil }
        guard a.tensor.dim > 0, b.tensor.dim > 0 else {
            throw PyError(.valueError, "matmul: Input operand \(a.tensor.dim == 0 ? 0 : 1) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
        }
        let dtype = NumpyPromotion.promote(a.tensor.dtype, b.tensor.dtype)
        let (x, y) = (try a.tensor.to(dtype), try b.tensor.to(dtype))
        let k1 = x.shape[x.dim - 1], k2 = y.dim == 1 ? y.shape[0] : y.shape[y.dim - 2]
        guard k1 == k2 else {
            throw PyError(.valueError, "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(k2) is different from \(k1))")
        }
        return try NumpyArray.element(GradMode.with(enabled: false) { try x.matmul(y) })
    }

    /// `a += b`: computed as `a + b`, cast back (same kind only) and written into `a`.
    static func inPlace(_ interp: Interpreter, _ ufunc: Ufunc, _ me: Value, _ other: Value) throws -> Value {
        let target = try NumpyArray.this(me)
        guard let b = try NumpyOperand.from(interp, other) else { return .notImplemented }
        let result = try compute(ufunc, NumpyOperand(tensor: target, isWeak: false), b)
        guard NumpyPromotion.kind(result.dtype) <= NumpyPromotion.kind(target.dtype) else {
            throw PyError(NumpyErrors.ufuncTypeError, "Cannot cast ufunc '\(ufunc.name)' output from dtype('\(NumpyDType.name(result.dtype))') to dtype('\(NumpyDType.name(target.dtype))') with casting rule 'same_kind'")
        }
        guard result.shape == target.shape else {
            throw PyError(.valueError, "non-broadcastable output operand with shape \(NumpyArray.shapeText(target.shape)) doesn't match the broadcast shape \(NumpyArray.shapeText(result.shape))")
        }
        try GradMode.with(enabled: false) { try target.indexPut([.ellipsis], result.to(target.dtype)) }
        return me
    }
}
