import Autograd

/// `concatenate`, `stack`, `vstack` and `hstack`, promoting the inputs to one dtype.
extension NumpyModule {
    static func joining(_ m: PyModule) {
        func arrays(_ interp: Interpreter, _ v: Value) throws -> [Tensor] {
            let items = try interp.iterate(v).map { try NumpyConvert.array(interp, $0, dtype: nil) }
            guard let first = items.first else { throw PyError(.valueError, "need at least one array to concatenate") }
            let dtype = items.dropFirst().reduce(first.dtype) { NumpyPromotion.promote($0, $1.dtype) }
            return try items.map { try $0.to(dtype) }
        }
        func axis(_ a: BoundArguments, _ dim: Int) throws -> Int {
            let axis = try a.int("axis")
            guard axis >= -dim && axis < dim else { throw NumpyErrors.axis(axis, dim: dim) }
            return axis < 0 ? axis + dim : axis
        }
        m.addFunction("concatenate") { interp, args in
            let a = try NativeSignature("concatenate", "arrays", .init("axis", default: .int(0))).bind(args)
            let ts = try arrays(interp, a["arrays"])
            return try NumpyArray.make(Tensor.cat(ts, dim: axis(a, ts[0].dim)))
        }
        m.addFunction("stack") { interp, args in
            let a = try NativeSignature("stack", "arrays", .init("axis", default: .int(0))).bind(args)
            let ts = try arrays(interp, a["arrays"])
            return try NumpyArray.make(Tensor.stack(ts, dim: axis(a, ts[0].dim + 1)))
        }
        m.addFunction("vstack") { interp, args in
            let ts = try arrays(interp, try args.exactly(1, "vstack")[0]).map { $0.dim < 2 ? try $0.reshape([1, -1]) : $0 }
            return try NumpyArray.make(Tensor.cat(ts, dim: 0))
        }
        m.addFunction("hstack") { interp, args in
            let ts = try arrays(interp, try args.exactly(1, "hstack")[0]).map { $0.dim == 0 ? try $0.reshape([1]) : $0 }
            return try NumpyArray.make(Tensor.cat(ts, dim: ts[0].dim == 1 ? 0 : 1))
        }
    }
}
