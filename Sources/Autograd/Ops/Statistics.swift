import Foundation

// Derivative table, statistics (computed in double, rounded once).
//   var(x, c):   ∂x = g · 2(x − x̄) / (N − c)                     (VarBackward0)
//   std(x, c):   ∂x = g · (x − x̄) / ((N − c) · r)                (StdBackward0)
//   norm_p(x):   ∂x = g · x·|x|^(p−2) / r^(p−1);  p=1: g·sign x;  p=∞: g·sign x on the ties / count
//   prod(x):     ∂x = g · r / x  (product of the others where x has zeros)
//   cumsum(x,d): ∂x = reversed cumsum of g along d

extension Tensor {
    private func requireFloating(_ op: String) throws {
        guard dtype.isFloatingPoint else {
            throw TorchError.runtime("\(op): input dtype should be either floating point or complex. Got \(dtype.scalarTypeName) instead.")
        }
    }

    /// var (or std) without autograd: PyTorch's double-precision Welford / two-pass kernels.
    private func moments(_ input: ReductionInput, correction: Double, keepdim: Bool, takeSqrt: Bool) throws -> Tensor {
        if dtype == .float32 {
            let v = VarianceReductions.alongDims(input.values(self, as: Float.self), input.layout, correction: correction, takeSqrt: takeSqrt)
            return try input.result(v, dtype: .float32, keepdim: keepdim)
        }
        let v = VarianceReductions.alongDims(input.values(self, as: Double.self), input.layout, correction: correction, takeSqrt: takeSqrt)
        return try input.result(v, dtype: .float64, keepdim: keepdim)
    }

    private func centered(_ reduced: [Int]) throws -> Tensor {
        try sub(reduced.isEmpty ? mean() : mean(dims: reduced, keepdim: true))
    }

    /// `var(dims, correction, keepdim)`; `unbiased=False` is correction 0.
    public func variance(dims: [Int] = [], correction: Double = 1, keepdim: Bool = false) throws -> Tensor {
        try requireFloating("std and var")
        let a = self
        let input = try ReductionInput(self, dims: dims)
        let out = try moments(input, correction: correction, keepdim: keepdim, takeSqrt: false)
        let reduced = input.dims
        let scale = 2 / Swift.max(Double(input.reducedCount) - correction, 0)
        return try out.recorded("VarBackward0", symbol: "var", inputs: [a], saving: [a],
                                tangent: { t in
                                    try t[0].map { try $0.mul(a.centered(reduced)).sum(dims: reduced, keepdim: keepdim).mul(Tensor.wrapped(scale, dtype: .float64)) }
                                }) { g in
            [try a.centered(reduced).mul(Tensor.wrapped(scale, dtype: .float64)).mul(g.restoringReducedDims(input, keepdim: keepdim))]
        }
    }

    /// `std(dims, correction, keepdim)`.
    public func std(dims: [Int] = [], correction: Double = 1, keepdim: Bool = false) throws -> Tensor {
        try requireFloating("std and var")
        let a = self
        let input = try ReductionInput(self, dims: dims)
        let out = try moments(input, correction: correction, keepdim: keepdim, takeSqrt: true)
        let reduced = input.dims
        let scale = 1 / Swift.max(Double(input.reducedCount) - correction, 0)
        func local(_ out: Tensor) throws -> Tensor {
            try a.centered(reduced).mul(Tensor.wrapped(scale, dtype: .float64)).div(out.restoringReducedDims(input, keepdim: keepdim))
        }
        let saved = out.outputForBackward
        return try out.recorded("StdBackward0", symbol: "std", inputs: [a], saving: [a], output: saved,
                                tangent: { t in try t[0].map { try $0.mul(local(out)).sum(dims: reduced, keepdim: keepdim) } }) { g in
            [try local(saved).mul(g.restoringReducedDims(input, keepdim: keepdim))]
        }
    }

    /// `norm(p, dims, keepdim)` / `torch.linalg.vector_norm` (LinalgVectorNormBackward0).
    public func norm(p: Double = 2, dims: [Int] = [], keepdim: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.runtime("linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        let a = self
        let input = try ReductionInput(self, dims: dims)
        let out: Tensor
        if dtype == .float32 {
            out = try input.result(NormReductions.norm(input.values(self, as: Float.self), input.layout, p: p), dtype: .float32, keepdim: keepdim)
        } else {
            out = try input.result(NormReductions.norm(input.values(self, as: Double.self), input.layout, p: p), dtype: .float64, keepdim: keepdim)
        }
        let reduced = input.dims
        func local(_ out: Tensor) throws -> Tensor {
            let r = try out.restoringReducedDims(input, keepdim: keepdim)
            switch p {
            case 0: return try Tensor.zerosLike(a)
            case 1: return try a.sign()
            case 2:
                let safe = try Tensor.where(r.eq(Tensor.wrapped(0, dtype: .int64)), Tensor.wrapped(1, dtype: .int64), r)
                return try a.div(safe).mul(r.ne(Tensor.wrapped(0, dtype: .int64)))
            case .infinity, -.infinity:
                return try a.sign().mul(Tensor.evenShare(a.abs(), r, dims: a.dim == 0 ? nil : reduced))
            default:
                let safe = try Tensor.where(r.eq(Tensor.wrapped(0, dtype: .int64)), Tensor.wrapped(1, dtype: .int64), r)
                return try a.mul(a.abs().pow(p - 2)).div(safe.pow(p - 1))
            }
        }
        let saved = out.outputForBackward
        return try out.recorded("LinalgVectorNormBackward0", symbol: "‖·‖", inputs: [a], saving: [a], output: saved,
                                tangent: { t in try t[0].map { try $0.mul(local(out)).sum(dims: reduced, keepdim: keepdim) } }) { g in
            [try local(saved).mul(g.restoringReducedDims(input, keepdim: keepdim))]
        }
    }

    /// `prod()` (ProdBackward0) and `prod(dim, keepdim)` (ProdBackward1): multiplied in
    /// memory order in the tensor's dtype (integers in int64, wrapping).
    public func prod(dim dimension: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        let a = self
        let input = try ReductionInput(self, dims: dimension.map { [$0] } ?? [])
        let out: Tensor
        switch dtype {
        case .float32: out = try input.result(Tensor.products(input.values(self, as: Float.self), input.layout, one: 1, *), dtype: .float32, keepdim: keepdim)
        case .float64: out = try input.result(Tensor.products(input.values(self, as: Double.self), input.layout, one: 1, *), dtype: .float64, keepdim: keepdim)
        case .int64, .int32: out = try input.result(Tensor.products(input.values(self, as: Int64.self), input.layout, one: 1, &*), dtype: .int64, keepdim: keepdim)
        case .bool:
            let ints = input.values(self, as: Bool.self).map { Int64($0 ? 1 : 0) }
            out = try input.result(Tensor.products(ints, input.layout, one: 1, &*), dtype: .int64, keepdim: keepdim)
        }
        let reduced = input.dims
        // ∂x = r / x, except where x is 0: there the product of the others when
        // x is the only zero of its reduction, else 0.
        func local(_ out: Tensor) throws -> Tensor {
            let r = try out.restoringReducedDims(input, keepdim: keepdim)
            let zero = Tensor.wrapped(0, dtype: .int64), one = Tensor.wrapped(1, dtype: .int64)
            let isZero = try a.eq(zero)
            let ratio = try r.div(a)
            guard try isZero.containsNonZero() else { return ratio }
            let zeroCount = try isZero.sum(dims: reduced, keepdim: true)
            let others = try Tensor.where(isZero, one, a).prodKeepingDims(reduced)
            let atZeros = try Tensor.where(zeroCount.eq(one), others, zero)
            return try Tensor.where(isZero, atZeros, ratio)
        }
        let saved = out.outputForBackward
        return try out.recorded(dimension == nil ? "ProdBackward0" : "ProdBackward1", symbol: "∏", inputs: [a], saving: [a], output: saved,
                                tangent: { t in try t[0].map { try $0.mul(local(out)).sum(dims: reduced, keepdim: keepdim) } }) { g in
            [try local(saved).mul(g.restoringReducedDims(input, keepdim: keepdim))]
        }
    }

    /// Products over `dims` with the reduced dims kept as size 1.
    private func prodKeepingDims(_ dims: [Int]) throws -> Tensor {
        var r = self
        for d in dims.sorted(by: >) { r = try r.prod(dim: d, keepdim: true) }
        return r
    }

    /// True when some element is non-zero (no autograd).
    func containsNonZero() throws -> Bool {
        try untracked { try ne(Tensor.wrapped(0, dtype: .int64)).to(.int64).sum().scalarInt64() } > 0
    }

    private static func products<T>(_ values: [T], _ layout: ReductionLayout, one: T, _ multiply: (T, T) -> T) -> [T] {
        var result = [T](repeating: one, count: layout.resultCount)
        layout.forEachResult { slot, offsets in
            var total = one
            for o in offsets { total = multiply(total, values[o]) }
            result[slot] = total
        }
        return result
    }

    /// `cumsum(dim)` (CumsumBackward0): float32 accumulates in double and rounds each
    /// output, as PyTorch's CPU kernel does; integer inputs give int64.
    public func cumsum(dim dimension: Int) throws -> Tensor {
        let a = self
        let d = try Shape.wrapDim(dimension, rank: dim)
        let split = try AxisSplit(shape: shape, dim: d)
        let out: Tensor
        switch dtype {
        case .float32:
            out = Tensor(storage: Storage(Tensor.runningSums(elements(as: Float.self), split, zero: 0.0, widen: Double.init, narrow: { Float($0) }, +)), shape: shape)
        case .float64:
            out = Tensor(storage: Storage(Tensor.runningSums(elements(as: Double.self), split, zero: 0.0, widen: { $0 }, narrow: { $0 }, +)), shape: shape)
        default:
            out = Tensor(storage: Storage(Tensor.runningSums(int64s(), split, zero: Int64(0), widen: { $0 }, narrow: { $0 }, &+), dtype: .int64), shape: shape)
        }
        return try out.recorded("CumsumBackward0", symbol: "cumsum", inputs: [a],
                                tangent: { try $0[0]?.cumsum(dim: d) }) { g in
            [try g.flip([d]).cumsum(dim: d).flip([d])]
        }
    }

    private static func runningSums<T, A>(_ values: [T], _ split: AxisSplit, zero: A, widen: (T) -> A, narrow: (A) -> T,
                                          _ add: (A, A) -> A) -> [T] {
        var out = values
        for block in 0..<split.outer {
            for column in 0..<split.inner {
                var total = zero
                for position in 0..<split.axis {
                    let i = (block * split.axis + position) * split.inner + column
                    total = add(total, widen(values[i]))
                    out[i] = narrow(total)
                }
            }
        }
        return out
    }
}
