import Autograd

/// Shape helpers (`transpose`, `reshape`, `squeeze`, `expand_dims`), truth
/// tests (`any`, `all`), `sign` and `numpy.linalg.norm`, as module functions
/// and, where NumPy has them, ndarray methods.
enum NumpyShapeAndLogic {
    static func install(_ m: PyModule) {
        m.addFunction("transpose") { interp, args in
            let t = try NumpyConvert.array(interp, try args.exactly(1, "transpose")[0], dtype: nil)
            return try NumpyArray.make(NumpyArrayMethods.transposed(t))
        }
        m.addFunction("reshape") { interp, args in
            let a = try NativeSignature("reshape", "a", "shape").bind(args)
            let t = try NumpyConvert.array(interp, a["a"], dtype: nil)
            return try NumpyArray.make(NumpyErrors.reshape(t, TorchValues.ints(interp, a["shape"], "shape")))
        }
        m.addFunction("squeeze") { interp, args in
            try squeeze(NumpyConvert.array(interp, try args.exactly(1, "squeeze")[0], dtype: nil))
        }
        m.addFunction("expand_dims") { interp, args in
            let a = try NativeSignature("expand_dims", "a", "axis").bind(args)
            let t = try NumpyConvert.array(interp, a["a"], dtype: nil)
            let axis = try a.int("axis")
            guard axis >= -(t.dim + 1) && axis <= t.dim else { throw NumpyErrors.axis(axis, dim: t.dim + 1) }
            return try NumpyArray.make(t.unsqueeze(axis < 0 ? axis + t.dim + 1 : axis))
        }
        m.addFunction("sign") { interp, args in
            try NumpyArray.element(NumpyConvert.array(interp, try args.exactly(1, "sign")[0], dtype: nil).sign())
        }
        for name in ["any", "all"] {
            m.addFunction(name) { interp, args in
                let a = try NativeSignature(name, "a", .init("axis", default: .none)).bind(args)
                return try truth(name, NumpyConvert.array(interp, a["a"], dtype: nil), axis: a["axis"], interp)
            }
        }
    }

    static func installMethods(_ b: NativeClassBuilder) {
        b.method("squeeze") { _, me, _ in try squeeze(NumpyArray.this(me)) }
        for name in ["any", "all"] {
            b.method(name) { interp, me, args in
                let a = try NativeSignature(name, .init("axis", default: .none)).bind(args)
                return try truth(name, NumpyArray.this(me), axis: a["axis"], interp)
            }
        }
    }

    static func squeeze(_ t: Tensor) throws -> Value {
        try NumpyArray.element(t.reshape(t.shape.filter { $0 != 1 }))
    }

    /// `any`/`all` over everything (a bool) or along one axis (a bool array).
    static func truth(_ name: String, _ t: Tensor, axis: Value, _ interp: Interpreter) throws -> Value {
        let nonZero = try t.ne(Tensor.scalar(0, dtype: t.dtype)).to(.int64)
        let count = nonZero.count
        if axis.isNone {
            let hits = nonZero.int64s().reduce(0, +)
            return NumpyBool.make(name == "any" ? hits > 0 : hits == Int64(count))
        }
        guard let axes = try NumpyReductions.normalizedAxes(interp, axis, dim: t.dim), axes.count == 1 else {
            throw PyError(.typeError, "Litgrad's \(name) takes one axis")
        }
        let hits = try nonZero.sum(dims: axes, keepdim: false)
        let result = name == "any" ? try hits.gt(Tensor.scalar(0, dtype: .int64))
                                   : try hits.eq(Tensor.scalar(Double(t.shape[axes[0]]), dtype: .int64))
        return try NumpyArray.element(result)
    }

    /// `numpy.linalg.norm(x, axis=None, keepdims=False)`: the 2-norm of the
    /// flattened array, or along an axis (only the default `ord`).
    static func linalg(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "numpy.linalg")
        m.addFunction("norm") { interp, args in
            let a = try NativeSignature("norm", "x", .init("ord", default: .none), .init("axis", default: .none), .init("keepdims", default: .bool(false))).bind(args)
            guard a["ord"].isNone else { throw PyError(.notImplementedError, "Litgrad's norm supports the default ord only") }
            var t = try NumpyConvert.array(interp, a["x"], dtype: nil)
            if !t.dtype.isFloatingPoint { t = try t.to(.float64) }
            let squares = try t.mul(t)
            let axes = try NumpyReductions.normalizedAxes(interp, a["axis"], dim: t.dim) ?? Array(0..<t.dim)
            return try NumpyArray.element(NumpySummation.sum(squares, axes: axes, keepdim: a.bool("keepdims")).sqrt())
        }
        return m
    }
}
