import Autograd

/// NumPy reductions (`sum`, `mean`, `max`, `argmax`, `std`, …) with
/// `axis=None | int | tuple` and `keepdims`, shared by the ndarray methods
/// and the module functions. Integer sums stay int64; means and variances of
/// integers are float64; `std`/`var` divide by n - ddof (ddof=0 by default).
enum NumpyReductions {
    enum Kind: String { case sum, mean, max, min, argmax, argmin, std, `var` }

    static func signature(_ kind: Kind, receiver: Bool) -> NativeSignature {
        var parameters: [NativeSignature.Parameter] = receiver ? [] : ["a"]
        parameters.append(.init("axis", default: .none))
        if kind == .std || kind == .var {
            parameters += [.init("dtype", default: .none), .init("out", default: .none), .init("ddof", default: .int(0))]
        }
        parameters.append(.init("keepdims", default: .bool(false)))
        return NativeSignature(kind.rawValue, parameters: parameters)
    }

    /// The method of `ndarray` (receiver) or function of `numpy` for `kind`.
    static func body(_ kind: Kind, receiver: Bool) -> NativeMethodBody {
        let signature = signature(kind, receiver: receiver)
        return { interp, me, args in
            let a = try signature.bind(args)
            let t = receiver ? try NumpyArray.this(me) : try NumpyConvert.array(interp, a["a"], dtype: nil)
            let axes = try normalizedAxes(interp, a["axis"], dim: t.dim)
            let ddof = kind == .std || kind == .var ? try a.double("ddof") : 0
            return try reduce(kind, t, axes: axes, keepdims: try a.bool("keepdims"), ddof: ddof)
        }
    }

    /// nil for all axes; negative axes counted from the end.
    static func normalizedAxes(_ interp: Interpreter, _ v: Value, dim: Int) throws -> [Int]? {
        if v.isNone { return nil }
        let raw = try TorchValues.ints(interp, v, "axis")
        return try raw.map { axis in
            guard axis >= -Swift.max(dim, 1) && axis < Swift.max(dim, 1) else {
                throw NumpyErrors.axis(axis, dim: dim)
            }
            return axis < 0 ? axis + dim : axis
        }
    }

    static func reduce(_ kind: Kind, _ input: Tensor, axes: [Int]?, keepdims: Bool, ddof: Double = 0) throws -> Value {
        try GradMode.with(enabled: false) {
            var t = input
            if t.dim == 0 { t = try t.reshape([1]) }
            let all = axes ?? Array(0..<t.dim)
            if t.count == 0 && kind != .sum {
                throw PyError(.valueError, "zero-size array to reduction operation \(kind == .max ? "maximum" : "minimum") which has no identity")
            }
            let result: Tensor
            switch kind {
            case .sum:
                result = t.dtype.isFloatingPoint
                    ? try NumpySummation.sum(t, axes: all, keepdim: keepdims)
                    : try t.to(.int64).sum(dims: all, keepdim: keepdims)
            case .mean:
                result = try NumpySummation.mean(floating(t), axes: all, keepdim: keepdims)
            case .std:
                result = try NumpySummation.variance(floating(t), axes: all, keepdim: keepdims, ddof: ddof).sqrt()
            case .var:
                result = try NumpySummation.variance(floating(t), axes: all, keepdim: keepdims, ddof: ddof)
            case .max, .min:
                var r = t
                for axis in all.sorted(by: >) {
                    let pair = kind == .max ? try r.max(dim: axis, keepdim: true) : try r.min(dim: axis, keepdim: true)
                    r = pair.values
                }
                if !keepdims { r = try r.reshape(squeezed(t.shape, removing: all)) }
                result = r
            case .argmax, .argmin:
                guard all.count == 1 || axes == nil else { throw PyError(.typeError, "'tuple' object cannot be interpreted as an integer") }
                let source = kind == .argmax ? t : try t.neg()
                if let axis = axes?.first {
                    result = try source.argmax(dim: axis, keepdim: keepdims)
                } else {
                    let flat = try source.reshape([-1]).argmax(dim: 0)
                    result = keepdims ? try flat.reshape(Array(repeating: 1, count: input.dim)) : flat
                }
            }
            if input.dim == 0 && !keepdims { return try NumpyArray.element(result.reshape([])) }
            return try NumpyArray.element(result)
        }
    }

    private static func floating(_ t: Tensor) throws -> Tensor {
        t.dtype.isFloatingPoint ? t : try t.to(.float64)
    }

    private static func squeezed(_ shape: [Int], removing axes: [Int]) -> [Int] {
        shape.enumerated().filter { !axes.contains($0.offset) }.map(\.element)
    }
}
