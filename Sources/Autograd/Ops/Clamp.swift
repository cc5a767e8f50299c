import Foundation

// Derivative table, clamping and elementwise extremes.
//   clamp(a, lo, hi):  ∂a = g · [lo ≤ a ≤ hi]   (ClampBackward1; tensor bounds ClampBackward0)
//   maximum(a, b):     ∂a = g · ([a > b] + ½[a = b]),  ∂b = g · ([b > a] + ½[a = b])

extension Tensor {
    /// `clamp(min, max)` with Python-number bounds (ClampBackward1).
    public func clamp(min lo: Double?, max hi: Double?) throws -> Tensor {
        guard lo != nil || hi != nil else {
            throw TorchError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        return try clampScalar(lo, hi, name: "ClampBackward1")
    }

    /// `clamp_min(lo)` (ClampMinBackward0).
    public func clampMin(_ lo: Double) throws -> Tensor { try clampScalar(lo, nil, name: "ClampMinBackward0") }

    /// `clamp_max(hi)` (ClampMaxBackward0).
    public func clampMax(_ hi: Double) throws -> Tensor { try clampScalar(nil, hi, name: "ClampMaxBackward0") }

    private static func bound(_ v: Double) -> Tensor {
        v == v.rounded() && Swift.abs(v) < 9e18 ? Tensor.wrapped(v, dtype: .int64) : Tensor.wrapped(v, dtype: .float64)
    }

    private func clampScalar(_ lo: Double?, _ hi: Double?, name: String) throws -> Tensor {
        let a = self
        var operands = [a]
        if let lo { operands.append(Self.bound(lo)) }
        if let hi { operands.append(Self.bound(hi)) }
        let dtype = Promotion.resultType(operands)
        if dtype == .bool { throw TorchError.runtime("\"clamp_scalar_cpu\" not implemented for 'Bool'") }
        let x = a.converted(dtype)
        let out: Tensor
        switch dtype {
        case .float32:
            let l = lo.map { Float($0) } ?? -.infinity, h = hi.map { Float($0) } ?? .infinity
            out = try ElementwiseKernel.unary(x, f32: { $0.isNaN ? $0 : Swift.min(Swift.max($0, l), h) }, f64: { $0 })
        case .float64:
            let l = lo ?? -.infinity, h = hi ?? .infinity
            out = try ElementwiseKernel.unary(x, f32: { $0 }, f64: { $0.isNaN ? $0 : Swift.min(Swift.max($0, l), h) })
        default:
            let l = lo.map { Int64($0) } ?? .min, h = hi.map { Int64($0) } ?? .max
            out = try ElementwiseKernel.unary(x, f32: { $0 }, f64: { $0 }, i64: { Swift.min(Swift.max($0, l), h) })
        }
        func inside() throws -> Tensor {
            var m: Tensor? = nil
            if let lo { m = try a.ge(Tensor.wrapped(lo, dtype: .float64)) }
            if let hi {
                let upper = try a.le(Tensor.wrapped(hi, dtype: .float64))
                m = try m.map { try $0.logicalAnd(upper) } ?? upper
            }
            return m!
        }
        return try out.recorded(name, symbol: "clamp", inputs: [a], saving: [a],
                                tangent: { t in try t[0]?.mul(inside()) }) { g in [try g.mul(inside())] }
    }

    /// `clamp(min=tensor, max=tensor)` (ClampBackward0): the bounds receive
    /// the gradient where they were taken.
    public func clamp(min lo: Tensor?, max hi: Tensor?) throws -> Tensor {
        guard lo != nil || hi != nil else {
            throw TorchError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        let a = self
        var r = a
        try untracked {
            if let lo { r = try r.maximumIgnoringNaNBound(lo) }
            if let hi { r = try r.minimumIgnoringNaNBound(hi) }
        }
        if r === a { r = try a.contiguousCopy() }
        let out = r
        let inputs = [a] + [lo, hi].compactMap { $0 }
        func masks() throws -> (inside: Tensor, lo: Tensor?, hi: Tensor?) {
            var inside = try Tensor.onesLike(a).to(.bool)
            var below: Tensor? = nil, above: Tensor? = nil
            if let lo { below = try a.lt(lo); inside = try inside.logicalAnd(a.ge(lo)) }
            if let hi { above = try a.gt(hi); inside = try inside.logicalAnd(a.le(hi)) }
            if let b = below, let hi { below = try b.logicalAnd(lo!.le(hi)) }
            return (inside, below, above)
        }
        return try out.recorded("ClampBackward0", symbol: "clamp", inputs: inputs, saving: inputs,
                                tangent: { t in
                                    let m = try masks()
                                    var k = 1
                                    var terms: [Tensor?] = [try t[0]?.mul(m.inside)]
                                    if lo != nil { terms.append(try t[k]?.mul(m.lo!)); k += 1 }
                                    if hi != nil { terms.append(try t[k]?.mul(m.hi!)) }
                                    var total: Tensor? = nil
                                    for case let x? in terms { total = try Tangent.sum(total, x) }
                                    return total
                                }) { g in
            let m = try masks()
            var grads: [Tensor?] = [a.requiresGrad ? try reduceGrad(g.mul(m.inside), to: a) : nil]
            if let lo { grads.append(lo.requiresGrad ? try reduceGrad(g.mul(m.lo!), to: lo) : nil) }
            if let hi { grads.append(hi.requiresGrad ? try reduceGrad(g.mul(m.hi!), to: hi) : nil) }
            return InputGradients(grads)
        }
    }

    private func maximumIgnoringNaNBound(_ b: Tensor) throws -> Tensor {
        try extremeKernel(b, pickFirst: { $0 >= $1 })
    }
    private func minimumIgnoringNaNBound(_ b: Tensor) throws -> Tensor {
        try extremeKernel(b, pickFirst: { $0 <= $1 })
    }

    /// Elementwise choice between self and b in their promoted dtype; NaN wins.
    private func extremeKernel(_ b: Tensor, pickFirst: @escaping (Double, Double) -> Bool) throws -> Tensor {
        let dtype = Promotion.resultType(self, b)
        return try ElementwiseKernel.binary(self, b, compute: dtype,
            f32: { x, y in x.isNaN ? x : (y.isNaN ? y : (pickFirst(Double(x), Double(y)) ? x : y)) },
            f64: { x, y in x.isNaN ? x : (y.isNaN ? y : (pickFirst(x, y) ? x : y)) },
            i64: { x, y in pickFirst(Double(x), Double(y)) ? x : y },
            bool: { x, y in pickFirst(x ? 1 : 0, y ? 1 : 0) ? x : y })
    }

    /// `torch.maximum(a, b)` / `torch.max(a, b)` (MaximumBackward0).
    public func maximum(_ b: Tensor) throws -> Tensor { try elementwiseExtreme(b, name: "MaximumBackward0", larger: true) }

    /// `torch.minimum(a, b)` / `torch.min(a, b)` (MinimumBackward0).
    public func minimum(_ b: Tensor) throws -> Tensor { try elementwiseExtreme(b, name: "MinimumBackward0", larger: false) }

    private func elementwiseExtreme(_ b: Tensor, name: String, larger: Bool) throws -> Tensor {
        let a = self
        let out = larger ? try extremeKernel(b, pickFirst: { $0 >= $1 }) : try extremeKernel(b, pickFirst: { $0 <= $1 })
        // Share of the gradient each side receives: 1 where it won, ½ on ties.
        let dtype = out.dtype
        func shares() throws -> (Tensor, Tensor) {
            let half = Tensor.wrapped(0.5, dtype: .float64)
            let tie = try a.eq(b).to(dtype).mul(half)
            let aWins = try (larger ? a.gt(b) : a.lt(b)).to(dtype)
            let bWins = try (larger ? b.gt(a) : b.lt(a)).to(dtype)
            return (try aWins.add(tie), try bWins.add(tie))
        }
        return try out.recorded(name, symbol: larger ? "max" : "min", inputs: [a, b], saving: [a, b],
                                tangent: { t in
                                    let (sa, sb) = try shares()
                                    return try Tangent.sum(t[0]?.mul(sa), t[1]?.mul(sb))
                                }) { g in
            let (sa, sb) = try shares()
            return [a.requiresGrad ? try reduceGrad(g.mul(sa), to: a) : nil,
                    b.requiresGrad ? try reduceGrad(g.mul(sb), to: b) : nil]
        }
    }
}
