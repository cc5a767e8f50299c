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

    private func moments(_ dims: [Int], correction: Double, keepdim: Bool) throws -> (variance: Tensor, layout: AxisReductionLayout, reduced: [Int]) {
        let (data, layout) = try axisReductionLayout(dims)
        let v = data.doubles()
        var out = [Double](repeating: 0, count: layout.outputCount)
        for o in 0..<layout.outputCount {
            let base = layout.base(o)
            var mean = 0.0
            for j in 0..<layout.n { mean += v[base + j * layout.inner] }
            mean /= Double(layout.n)
            var ss = 0.0
            for j in 0..<layout.n { let e = v[base + j * layout.inner] - mean; ss += e * e }
            out[o] = ss / Swift.max(Double(layout.n) - correction, 0)
        }
        let reduced = dims.isEmpty ? Array(0..<dim) : try dims.map { try Shape.wrapDim($0, rank: dim) }
        return (try Tensor.from(out, shape: keepdim ? layout.keptShape : layout.shape, dtype: dtype), layout, reduced)
    }

    private func centered(_ reduced: [Int]) throws -> Tensor {
        try sub(reduced.isEmpty ? mean() : mean(dims: reduced, keepdim: true))
    }

    /// `var(dims, correction, keepdim)`; `unbiased=False` is correction 0.
    public func variance(dims: [Int] = [], correction: Double = 1, keepdim: Bool = false) throws -> Tensor {
        try requireFloating("std and var")
        let a = self
        let (out, layout, reduced) = try moments(dims, correction: correction, keepdim: keepdim)
        let scale = 2 / Swift.max(Double(layout.n) - correction, 0)
        return try out.recorded("VarBackward0", symbol: "var", inputs: [a], saving: [a],
                                tangent: { t in
                                    try t[0].map { try $0.mul(a.centered(reduced)).sum(dims: reduced, keepdim: keepdim).mul(Tensor.wrapped(scale, dtype: .float64)) }
                                }) { g in
            [try a.centered(reduced).mul(Tensor.wrapped(scale, dtype: .float64)).mul(g.restoringReducedDims(layout, keepdim: keepdim))]
        }
    }

    /// `std(dims, correction, keepdim)`.
    public func std(dims: [Int] = [], correction: Double = 1, keepdim: Bool = false) throws -> Tensor {
        try requireFloating("std and var")
        let a = self
        let (variance, layout, reduced) = try moments(dims, correction: correction, keepdim: keepdim)
        let out = try untracked { try variance.sqrt() }
        let scale = 1 / Swift.max(Double(layout.n) - correction, 0)
        func local() throws -> Tensor {
            try a.centered(reduced).mul(Tensor.wrapped(scale, dtype: .float64)).div(out.restoringReducedDims(layout, keepdim: keepdim))
        }
        return try out.recorded("StdBackward0", symbol: "std", inputs: [a], saving: [a, out],
                                tangent: { t in try t[0].map { try $0.mul(local()).sum(dims: reduced, keepdim: keepdim) } }) { g in
            [try local().mul(g.restoringReducedDims(layout, keepdim: keepdim))]
        }
    }

    /// `norm(p, dims, keepdim)` / `torch.linalg.vector_norm` (LinalgVectorNormBackward0).
    public func norm(p: Double = 2, dims: [Int] = [], keepdim: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.runtime("linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        let a = self
        let (data, layout) = try axisReductionLayout(dims)
        let v = data.doubles()
        var values = [Double](repeating: 0, count: layout.outputCount)
        for o in 0..<layout.outputCount {
            let base = layout.base(o)
            var acc = 0.0
            for j in 0..<layout.n {
                let x = Swift.abs(v[base + j * layout.inner])
                switch p {
                case .infinity: acc = Swift.max(acc, x)
                case -.infinity: acc = j == 0 ? x : Swift.min(acc, x)
                case 0: acc += x != 0 ? 1 : 0
                case 1: acc += x
                case 2: acc += x * x
                default: acc += Foundation.pow(x, p)
                }
            }
            switch p {
            case .infinity, -.infinity, 0, 1: values[o] = acc
            case 2: values[o] = acc.squareRoot()
            default: values[o] = Foundation.pow(acc, 1 / p)
            }
        }
        let out = try Tensor.from(values, shape: keepdim ? layout.keptShape : layout.shape, dtype: dtype)
        let reduced = dims.isEmpty ? Array(0..<dim) : try dims.map { try Shape.wrapDim($0, rank: dim) }
        func local() throws -> Tensor {
            let r = try out.restoringReducedDims(layout, keepdim: keepdim)
            switch p {
            case 0: return try Tensor.zerosLike(a)
            case 1: return try a.sign()
            case 2:
                let safe = try Tensor.where(r.eq(Tensor.wrapped(0, dtype: .int64)), Tensor.wrapped(1, dtype: .int64), r)
                return try a.div(safe).mul(r.ne(Tensor.wrapped(0, dtype: .int64)))
            case .infinity, -.infinity:
                return try a.sign().mul(Tensor.evenShare(a.abs(), r, dims: reduced.isEmpty ? nil : reduced))
            default:
                let safe = try Tensor.where(r.eq(Tensor.wrapped(0, dtype: .int64)), Tensor.wrapped(1, dtype: .int64), r)
                return try a.mul(a.abs().pow(p - 2)).div(safe.pow(p - 1))
            }
        }
        return try out.recorded("LinalgVectorNormBackward0", symbol: "‖·‖", inputs: [a], saving: [a, out],
                                tangent: { t in try t[0].map { try $0.mul(local()).sum(dims: reduced, keepdim: keepdim) } }) { g in
            [try local().mul(g.restoringReducedDims(layout, keepdim: keepdim))]
        }
    }

    /// `prod()` (ProdBackward0) and `prod(dim, keepdim)` (ProdBackward1).
    public func prod(dim dimension: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        let a = self
        let outType: DType = dtype.isFloatingPoint ? dtype : .int64
        let (data, layout) = try axisReductionLayout(dimension.map { [$0] } ?? [])
        let v = data.doubles()
        var values = [Double](repeating: 1, count: layout.outputCount)
        var others = [Double](repeating: 0, count: v.count)
        for o in 0..<layout.outputCount {
            let base = layout.base(o)
            var p = 1.0
            for j in 0..<layout.n { p *= v[base + j * layout.inner] }
            values[o] = p
            // Product of the others, needed only where the row has a zero:
            // with one zero only that element's derivative is non-zero.
            var zeros: [Int] = []
            for j in 0..<layout.n where v[base + j * layout.inner] == 0 { zeros.append(j) }
            if zeros.count == 1 {
                var q = 1.0
                for k in 0..<layout.n where k != zeros[0] { q *= v[base + k * layout.inner] }
                others[base + zeros[0] * layout.inner] = q
            }
        }
        let shape = dimension == nil ? (keepdim ? layout.keptShape : []) : (keepdim ? layout.keptShape : layout.shape)
        let out: Tensor
        if outType == .int64 {
            out = Tensor(storage: Storage(values.map { DType.truncatingInt64($0) }, dtype: .int64), shape: shape)
        } else {
            out = try Tensor.from(values, shape: shape, dtype: outType)
        }
        let hasZero = v.contains(0)
        let reduced = try dimension.map { [try Shape.wrapDim($0, rank: Swift.max(dim, 1))] } ?? Array(0..<dim)
        func local() throws -> Tensor {
            let ratio = try out.restoringReducedDims(layout, keepdim: keepdim).div(a)
            guard hasZero else { return ratio }
            let atZeros = try Tensor.from(others, shape: a.shape, dtype: a.dtype)
            return try Tensor.where(a.eq(Tensor.wrapped(0, dtype: .int64)), atZeros, ratio)
        }
        return try out.recorded(dimension == nil ? "ProdBackward0" : "ProdBackward1", symbol: "∏", inputs: [a], saving: [a, out],
                                tangent: { t in try t[0].map { try $0.mul(local()).sum(dims: reduced, keepdim: keepdim) } }) { g in
            [try local().mul(g.restoringReducedDims(layout, keepdim: keepdim))]
        }
    }

    /// `cumsum(dim)` (CumsumBackward0); integer inputs give int64.
    public func cumsum(dim dimension: Int) throws -> Tensor {
        let a = self
        let d = try Shape.wrapDim(dimension, rank: dim)
        let (data, layout) = try axisReductionLayout([d])
        let out: Tensor
        switch dtype {
        case .float32:
            var v = data.floats()
            for o in 0..<layout.outputCount {
                let base = layout.base(o)
                for j in 1..<Swift.max(layout.n, 1) { v[base + j * layout.inner] += v[base + (j - 1) * layout.inner] }
            }
            out = Tensor(storage: Storage(v), shape: shape)
        case .float64:
            var v = data.doubles()
            for o in 0..<layout.outputCount {
                let base = layout.base(o)
                for j in 1..<Swift.max(layout.n, 1) { v[base + j * layout.inner] += v[base + (j - 1) * layout.inner] }
            }
            out = Tensor(storage: Storage(v), shape: shape)
        default:
            var v = data.int64s()
            for o in 0..<layout.outputCount {
                let base = layout.base(o)
                for j in 1..<Swift.max(layout.n, 1) { v[base + j * layout.inner] &+= v[base + (j - 1) * layout.inner] }
            }
            out = Tensor(storage: Storage(v, dtype: .int64), shape: shape)
        }
        return try out.recorded("CumsumBackward0", symbol: "cumsum", inputs: [a],
                                tangent: { try $0[0]?.cumsum(dim: d) }) { g in
            [try g.flip([d]).cumsum(dim: d).flip([d])]
        }
    }
}
