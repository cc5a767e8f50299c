// Derivative table, max / min and friends.
//   max() / min()           ∂a = g spread evenly over the elements equal to the result (MaxBackward1)
//   max(dim) / min(dim)     ∂a = g placed at the returned indices (MaxBackward0)
//   amax / amin(dims)       ∂a = g spread evenly over the ties along dims (AmaxBackward0)
//   argmax / argmin         no gradient
// NaN propagates (and wins the argmax), as in PyTorch.

/// `torch.return_types.max(values=…, indices=…)`.
public struct ValuesAndIndices {
    public let values: Tensor
    public let indices: Tensor
    public let kind: String
}

extension Tensor {
    /// Index of the extreme among n strided values (first occurrence; a NaN wins).
    @inline(__always)
    private static func extremeIndex(_ v: UnsafeBufferPointer<Double>, base: Int, n: Int, stride: Int, larger: Bool) -> Int {
        var best = 0
        var bestValue = v[base]
        if bestValue.isNaN { return 0 }
        for j in 1..<n {
            let x = v[base + j * stride]
            if x.isNaN { return j }
            if larger ? x > bestValue : x < bestValue { best = j; bestValue = x }
        }
        return best
    }

    private func extremeAlong(_ dimension: Int, keepdim: Bool, larger: Bool) throws -> (values: Tensor, indices: Tensor, positions: [Int], layout: AxisReductionLayout) {
        if count == 0 {
            throw TorchError.index("\(larger ? "max" : "min")(): Expected reduction dim \(dimension) to have non-zero size.")
        }
        let (data, layout) = try axisReductionLayout([dimension])
        let v = data.doubles()
        var indices = [Int64](repeating: 0, count: layout.outputCount)
        var positions = [Int](repeating: 0, count: layout.outputCount)
        var values = [Double](repeating: 0, count: layout.outputCount)
        v.withUnsafeBufferPointer { vp in
            for o in 0..<layout.outputCount {
                let base = layout.base(o)
                let j = layout.n == 0 ? 0 : Tensor.extremeIndex(vp, base: base, n: layout.n, stride: layout.inner, larger: larger)
                indices[o] = Int64(j)
                positions[o] = base + j * layout.inner
                values[o] = vp[positions[o]]
            }
        }
        let shape = keepdim ? layout.keptShape : layout.shape
        return (try Tensor.from(values, shape: shape, dtype: dtype), Tensor(storage: Storage(indices, dtype: .int64), shape: shape), positions, layout)
    }

    private func valuesAndIndices(_ dimension: Int, keepdim: Bool, larger: Bool) throws -> ValuesAndIndices {
        let a = self
        let r = try extremeAlong(dimension, keepdim: keepdim, larger: larger)
        let p = r.positions, shape = r.values.shape, baseShape = a.shape
        let values = try r.values.recorded(larger ? "MaxBackward0" : "MinBackward0", symbol: larger ? "max" : "min", inputs: [a],
                                           tangent: { try $0[0]?.take(p, shape: shape, name: "IndexBackward0") }) { g in
            [try Tensor.zeros(baseShape, dtype: g.dtype).put(p, values: g, accumulate: false, name: "IndexPutBackward0")]
        }
        return ValuesAndIndices(values: values, indices: r.indices, kind: larger ? "max" : "min")
    }

    /// `max(dim, keepdim)` → (values, indices).
    public func max(dim dimension: Int, keepdim: Bool = false) throws -> ValuesAndIndices {
        try valuesAndIndices(dimension, keepdim: keepdim, larger: true)
    }

    /// `min(dim, keepdim)` → (values, indices).
    public func min(dim dimension: Int, keepdim: Bool = false) throws -> ValuesAndIndices {
        try valuesAndIndices(dimension, keepdim: keepdim, larger: false)
    }

    /// `max()` over all elements (MaxBackward1).
    public func max() throws -> Tensor { try fullExtreme(larger: true) }

    /// `min()` over all elements (MinBackward1).
    public func min() throws -> Tensor { try fullExtreme(larger: false) }

    private func fullExtreme(larger: Bool) throws -> Tensor {
        guard count > 0 else {
            throw TorchError.runtime("\(larger ? "max" : "min")(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
        let a = self
        let r = try untracked { try reshape([-1]).extremeAlong(0, keepdim: false, larger: larger) }
        let out = r.values
        return try out.recorded(larger ? "MaxBackward1" : "MinBackward1", symbol: larger ? "max" : "min", inputs: [a], saving: [a],
                                tangent: { t in try t[0].map { try Tensor.evenShare(a, out).mul($0).sum() } }) { g in
            [try Tensor.evenShare(a, out).mul(g)]
        }
    }

    /// 1/k on the k elements equal to the (broadcast) extreme, 0 elsewhere.
    static func evenShare(_ a: Tensor, _ extreme: Tensor, dims: [Int]? = nil) throws -> Tensor {
        let ties = try a.eq(extreme).logicalOr(a.ne(a).logicalAnd(extreme.ne(extreme))).to(a.dtype)
        let count = try dims.map { try ties.sum(dims: $0, keepdim: true) } ?? ties.sum()
        return try ties.div(count)
    }

    /// `amax(dims, keepdim)` (AmaxBackward0).
    public func amax(dims: [Int] = [], keepdim: Bool = false) throws -> Tensor { try tiedExtreme(dims, keepdim: keepdim, larger: true) }

    /// `amin(dims, keepdim)` (AminBackward0).
    public func amin(dims: [Int] = [], keepdim: Bool = false) throws -> Tensor { try tiedExtreme(dims, keepdim: keepdim, larger: false) }

    private func tiedExtreme(_ dims: [Int], keepdim: Bool, larger: Bool) throws -> Tensor {
        let a = self
        let (data, layout) = try axisReductionLayout(dims)
        guard layout.n > 0 || layout.outputCount == 0 else {
            throw TorchError.index("\(larger ? "amax" : "amin")(): Expected reduction dim \(dims.first ?? 0) to have non-zero size.")
        }
        let v = data.doubles()
        var values = [Double](repeating: 0, count: layout.outputCount)
        v.withUnsafeBufferPointer { vp in
            for o in 0..<layout.outputCount {
                let j = Tensor.extremeIndex(vp, base: layout.base(o), n: layout.n, stride: layout.inner, larger: larger)
                values[o] = vp[layout.base(o) + j * layout.inner]
            }
        }
        let out = try Tensor.from(values, shape: keepdim ? layout.keptShape : layout.shape, dtype: dtype)
        let reducedDims = dims.isEmpty ? Array(0..<Swift.max(dim, 1)) : try dims.map { try Shape.wrapDim($0, rank: dim) }
        func share() throws -> Tensor {
            try Tensor.evenShare(a, out.restoringReducedDims(layout, keepdim: keepdim), dims: dim == 0 ? nil : reducedDims)
        }
        return try out.recorded(larger ? "AmaxBackward0" : "AminBackward0", symbol: larger ? "amax" : "amin", inputs: [a], saving: [a],
                                tangent: { t in
                                    try t[0].map { try share().mul($0).sum(dims: reducedDims, keepdim: keepdim) }
                                }) { g in
            [try share().mul(g.restoringReducedDims(layout, keepdim: keepdim))]
        }
    }

    /// `argmax(dim, keepdim)`; over the flattened tensor when `dim` is nil.
    public func argmax(dim dimension: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try argExtreme(dimension, keepdim: keepdim, larger: true)
    }

    /// `argmin(dim, keepdim)`.
    public func argmin(dim dimension: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try argExtreme(dimension, keepdim: keepdim, larger: false)
    }

    private func argExtreme(_ dimension: Int?, keepdim: Bool, larger: Bool) throws -> Tensor {
        try untracked {
            guard let dimension else {
                guard count > 0 else {
                    throw TorchError.runtime("\(larger ? "argmax" : "argmin")(): Expected reduction dim to be specified for input.numel() == 0.")
                }
                let r = try reshape([-1]).extremeAlong(0, keepdim: false, larger: larger).indices
                return keepdim ? try r.reshape([Int](repeating: 1, count: dim)) : r
            }
            return try extremeAlong(dimension, keepdim: keepdim, larger: larger).indices
        }
    }
}
