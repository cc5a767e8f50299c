import Autograd

/// ndarray's named methods and the `T` attribute. As in NumPy, `T`,
/// `transpose`, `reshape` and `ravel` give views when they can; the rest
/// give new arrays.
enum NumpyArrayMethods {
    static func install(_ b: NativeClassBuilder) {
        for kind in [NumpyReductions.Kind.sum, .mean, .max, .min, .argmax, .argmin, .std, .var] {
            b.method(kind.rawValue, NumpyReductions.body(kind, receiver: true))
        }
        NumpyShapeAndLogic.installMethods(b)
        b.method("copy") { _, me, _ in try NumpyArray.make(NumpyArray.this(me)) }
        b.method("flatten") { _, me, _ in try NumpyArray.make(NumpyArray.this(me).reshape([-1])) }
        b.method("ravel") { _, me, _ in try NumpyArray.view(NumpyArray.this(me).reshape([-1])) }
        b.method("reshape") { interp, me, args in
            try NumpyArray.view(NumpyErrors.reshape(NumpyArray.this(me), TorchValues.shape(interp, args.positional, "reshape")))
        }
        b.method("astype") { _, me, args in
            let a = try NativeSignature("astype", "dtype").bind(args)
            guard let dtype = try NumpyConvert.dtype(a["dtype"]) else { throw PyError(.typeError, "Cannot interpret 'None' as a data type") }
            return try NumpyArray.make(GradMode.with(enabled: false) { try NumpyArray.this(me).to(dtype) })
        }
        b.property("T") { _, me in try NumpyArray.view(transposed(NumpyArray.this(me))) }
        b.method("transpose") { _, me, args in
            guard args.positional.isEmpty else { throw PyError(.typeError, "Litgrad supports transpose() without axes only") }
            return try NumpyArray.view(transposed(NumpyArray.this(me)))
        }
        b.method("dot") { interp, me, args in try NumpyModule.dot(interp, me, try args.exactly(1, "dot")[0]) }
        b.method("clip") { interp, me, args in
            let a = try NativeSignature("clip", .init("min", default: .none), .init("max", default: .none)).bind(args)
            return try NumpyModule.clip(interp, NumpyArray.this(me), a["min"], a["max"])
        }
        b.method("round") { _, me, args in
            let a = try NativeSignature("round", .init("decimals", default: .int(0))).bind(args)
            return try NumpyModule.round(NumpyArray.this(me), decimals: try a.int("decimals"))
        }
        b.method("fill") { interp, me, args in
            let t = try NumpyArray.this(me)
            let v = try NumpyConvert.array(interp, try args.exactly(1, "fill")[0], dtype: t.dtype)
            try GradMode.with(enabled: false) { try t.indexPut([.ellipsis], v) }
            return .none
        }
    }

    /// All axes reversed, as NumPy's `a.T`.
    static func transposed(_ t: Tensor) throws -> Tensor {
        try GradMode.with(enabled: false) { try t.permute(Array((0..<t.dim).reversed())) }
    }
}
