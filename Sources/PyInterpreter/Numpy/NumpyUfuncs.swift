#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Autograd

/// Elementwise functions (`exp`, `tanh`, `maximum`, `where`, `clip`, …) with
/// `out=`, products (`dot`, `matmul`, `outer`) and closeness tests.
extension NumpyModule {
    static func elementwise(_ m: PyModule) {
        let floating: [(String, (Tensor) throws -> Tensor)] = [
            ("exp", { try $0.exp() }), ("log", { try $0.log() }), ("sqrt", { try $0.sqrt() }),
            ("tanh", { try $0.tanh() }), ("sin", { try $0.sin() }), ("cos", { try $0.cos() }),
        ]
        for (name, op) in floating {
            m.addFunction(name) { interp, args in
                let a = try NativeSignature(name, "x", .init("out", default: .none)).bind(args)
                let t = try NumpyConvert.array(interp, a["x"], dtype: nil)
                let result = try GradMode.with(enabled: false) { try op(t.dtype.isFloatingPoint ? t : t.to(.float64)) }
                return try store(result, into: a["out"], ufunc: name)
            }
        }
        m.addFunction("abs") { interp, args in
            try NumpyArray.element(NumpyConvert.array(interp, try args.exactly(1, "abs")[0], dtype: nil).abs())
        }
        m.addFunction("square") { interp, args in
            let t = try NumpyConvert.array(interp, try args.exactly(1, "square")[0], dtype: nil)
            return try NumpyArray.element(t.mul(t))
        }
        let binary: [(String, NumpyArrayOperators.Ufunc)] = [
            ("add", NumpyArrayOperators.add), ("subtract", NumpyArrayOperators.subtract),
            ("multiply", NumpyArrayOperators.multiply), ("divide", NumpyArrayOperators.divide),
            ("power", NumpyArrayOperators.power), ("maximum", maximum), ("minimum", minimum),
        ]
        for (name, ufunc) in binary {
            m.addFunction(name) { interp, args in
                let a = try NativeSignature(name, "x1", "x2", .init("out", default: .none)).bind(args)
                guard let x = try NumpyOperand.from(interp, a["x1"]), let y = try NumpyOperand.from(interp, a["x2"]) else {
                    throw PyError(.typeError, "unsupported operand type(s) for \(name)")
                }
                return try store(NumpyArrayOperators.compute(ufunc, x, y), into: a["out"], ufunc: name)
            }
        }
        m.addFunction("dot") { interp, args in let p = try args.exactly(2, "dot"); return try dot(interp, p[0], p[1]) }
        m.addFunction("matmul") { interp, args in
            let p = try args.exactly(2, "matmul")
            return try NumpyArrayOperators.matmul(interp, p[0], p[1]) ?? { throw PyError(.typeError, "Unsupported operand for matmul") }()
        }
        m.addFunction("outer") { interp, args in
            let p = try args.exactly(2, "outer")
            let a = try NumpyConvert.array(interp, p[0], dtype: nil).reshape([-1, 1])
            let b = try NumpyConvert.array(interp, p[1], dtype: nil).reshape([1, -1])
            return try NumpyArray.element(NumpyArrayOperators.compute(NumpyArrayOperators.multiply, .init(tensor: a, isWeak: false), .init(tensor: b, isWeak: false)))
        }
        m.addFunction("clip") { interp, args in
            let a = try NativeSignature("clip", "a", "a_min", "a_max", .init("out", default: .none)).bind(args)
            let clipped = try clip(interp, NumpyConvert.array(interp, a["a"], dtype: nil), a["a_min"], a["a_max"])
            guard !a["out"].isNone else { return clipped }
            return try store(NumpyArray.this(clipped), into: a["out"], ufunc: "clip")
        }
        m.addFunction("copy") { interp, args in
            try NumpyArray.make(NumpyConvert.array(interp, try args.exactly(1, "copy")[0], dtype: nil))
        }
        m.addFunction("round") { interp, args in
            let a = try NativeSignature("round", "a", .init("decimals", default: .int(0))).bind(args)
            return try round(NumpyConvert.array(interp, a["a"], dtype: nil), decimals: a.int("decimals"))
        }
        m.addFunction("where") { interp, args in
            if args.positional.count == 1 && args.keywords.isEmpty { return try nonzero(interp, args.positional[0]) }
            let p = try args.exactly(3, "where")
            return try select(interp, p[0], p[1], p[2])
        }
        m.addFunction("nonzero") { interp, args in try nonzero(interp, try args.exactly(1, "nonzero")[0]) }
        m.addFunction("isclose") { interp, args in try NumpyArray.element(closeness(interp, args, "isclose")) }
        m.addFunction("allclose") { interp, args in .bool(!(try closeness(interp, args, "allclose").bools().contains(false))) }
    }

    /// A ufunc's result, or with `out=` the result written into that array (same-kind casts only).
    static func store(_ result: Tensor, into out: Value, ufunc: String) throws -> Value {
        if out.isNone { return try NumpyArray.element(result) }
        let target = try NumpyArray.this(out)
        guard NumpyPromotion.kind(result.dtype) <= NumpyPromotion.kind(target.dtype) else {
            throw PyError(NumpyErrors.ufuncTypeError, "Cannot cast ufunc '\(ufunc)' output from dtype('\(NumpyDType.name(result.dtype))') to dtype('\(NumpyDType.name(target.dtype))') with casting rule 'same_kind'")
        }
        guard result.shape == target.shape else {
            throw PyError(.valueError, "non-broadcastable output operand with shape \(NumpyArray.shapeText(target.shape)) doesn't match the broadcast shape \(NumpyArray.shapeText(result.shape))")
        }
        try GradMode.with(enabled: false) { try target.indexPut([.ellipsis], result.to(target.dtype)) }
        return out
    }

    static let maximum = NumpyArrayOperators.Ufunc(name: "maximum") { try $0.maximum($1) }
    static let minimum = NumpyArrayOperators.Ufunc(name: "minimum") { try $0.minimum($1) }

    /// `np.dot`: a product with a scalar, an inner product of vectors, or a matrix product.
    static func dot(_ interp: Interpreter, _ lhs: Value, _ rhs: Value) throws -> Value {
        guard let a = try NumpyOperand.from(interp, lhs), let b = try NumpyOperand.from(interp, rhs) else {
            throw PyError(.typeError, "unsupported operand type(s) for dot")
        }
        if a.tensor.dim == 0 || b.tensor.dim == 0 { return try NumpyArray.element(NumpyArrayOperators.compute(NumpyArrayOperators.multiply, a, b)) }
        guard (a.tensor.dim <= 2 && b.tensor.dim <= 2) || b.tensor.dim == 1 else {
            throw PyError(.valueError, "Litgrad's np.dot supports arrays of up to 2 dimensions")
        }
        let (x, y) = (a.tensor, b.tensor)
        // Up to 2-D operands, b's first axis is the one summed against a's last.
        guard x.shape[x.dim - 1] == y.shape[0] else {
            throw PyError(.valueError, "shapes \(NumpyArray.shapeText(x.shape)) and \(NumpyArray.shapeText(y.shape)) not aligned: \(x.shape[x.dim - 1]) (dim \(x.dim - 1)) != \(y.shape[0]) (dim 0)")
        }
        return try NumpyArrayOperators.matmul(interp, lhs, rhs) ?? .none
    }

    static func clip(_ interp: Interpreter, _ t: Tensor, _ lo: Value, _ hi: Value) throws -> Value {
        var result = NumpyOperand(tensor: t, isWeak: false)
        if !lo.isNone, let bound = try NumpyOperand.from(interp, lo) {
            result = NumpyOperand(tensor: try NumpyArrayOperators.compute(maximum, result, bound), isWeak: false)
        }
        if !hi.isNone, let bound = try NumpyOperand.from(interp, hi) {
            result = NumpyOperand(tensor: try NumpyArrayOperators.compute(minimum, result, bound), isWeak: false)
        }
        return try NumpyArray.element(result.tensor)
    }

    /// `np.round`: half to even after scaling by 10^decimals (dividing for negative decimals).
    static func round(_ t: Tensor, decimals: Int) throws -> Value {
        guard t.dtype.isFloatingPoint else { return try NumpyArray.element(t) }
        if decimals == 0 { return try NumpyArray.element(t.round()) }
        let scale = Tensor.scalar(pow(10, Double(Swift.abs(decimals))), dtype: t.dtype)
        let rounded = decimals > 0 ? try t.mul(scale).round().div(scale) : try t.div(scale).round().mul(scale)
        return try NumpyArray.element(rounded)
    }

    /// `np.where(condition, x, y)` with broadcasting and x/y promoted together.
    static func select(_ interp: Interpreter, _ condition: Value, _ x: Value, _ y: Value) throws -> Value {
        let mask = try NumpyConvert.array(interp, condition, dtype: .bool)
        guard let a = try NumpyOperand.from(interp, x), let b = try NumpyOperand.from(interp, y) else {
            throw PyError(.typeError, "np.where: x and y must be numbers or arrays")
        }
        let dtype = NumpyPromotion.result(a, b)
        let shape = try NumpyErrors.broadcast(mask.shape, a.tensor.shape, b.tensor.shape)
        func values(_ t: Tensor) throws -> [Double] { try t.to(dtype).expand(shape).contiguousCopy().doubles() }
        let (m, xs, ys) = (try mask.expand(shape).contiguousCopy().bools(), try values(a.tensor), try values(b.tensor))
        let picked = (0..<m.count).map { m[$0] ? xs[$0] : ys[$0] }
        return try NumpyArray.element(Tensor.from(picked, shape: shape, dtype: dtype))
    }

    /// `np.nonzero(a)` (and one-argument `np.where`): a tuple of int64 index arrays, one per axis.
    static func nonzero(_ interp: Interpreter, _ v: Value) throws -> Value {
        let t = try NumpyConvert.array(interp, v, dtype: nil)
        guard t.dim > 0 else { throw PyError(.valueError, "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.") }
        let flags = try t.ne(Tensor.scalar(0, dtype: t.dtype)).bools()
        let strides = Shape.contiguousStrides(t.shape)
        var columns = Array(repeating: [Double](), count: t.dim)
        for (offset, hit) in flags.enumerated() where hit {
            for axis in 0..<t.dim { columns[axis].append(Double(offset / strides[axis] % t.shape[axis])) }
        }
        return .tuple(try columns.map { try NumpyArray.make(Tensor.from($0, shape: [$0.count], dtype: .int64)) })
    }

    /// `|a - b| <= atol + rtol * |b|`, with equal infinities close and NaNs not.
    private static func closeness(_ interp: Interpreter, _ args: Arguments, _ name: String) throws -> Tensor {
        let a = try NativeSignature(name, "a", "b", .init("rtol", default: .float(1e-05)), .init("atol", default: .float(1e-08))).bind(args)
        let x = try NumpyConvert.array(interp, a["a"], dtype: nil), y = try NumpyConvert.array(interp, a["b"], dtype: nil)
        let (rtol, atol) = (try a.double("rtol"), try a.double("atol"))
        let shape = try NumpyErrors.broadcast(x.shape, y.shape)
        let xs = try x.to(.float64).expand(shape).contiguousCopy().doubles()
        let ys = try y.to(.float64).expand(shape).contiguousCopy().doubles()
        let close = zip(xs, ys).map { p, q -> Double in
            if p.isInfinite || q.isInfinite { return p == q ? 1 : 0 }
            return Swift.abs(p - q) <= atol + rtol * Swift.abs(q) ? 1 : 0
        }
        return try Tensor.from(close, shape: shape, dtype: .bool)
    }
}
