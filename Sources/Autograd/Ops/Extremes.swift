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
    /// Runs an extrema kernel on this tensor's row-major elements in their own type
    /// (bool as int64) and wraps its values in a tensor of this dtype.
    private func extremaKernel<R>(_ body: (ExtremaInput) throws -> R) rethrows -> R {
        switch dtype {
        case .float32: return try body(.float(elements(as: Float.self)))
        case .float64: return try body(.double(elements(as: Double.self)))
        case .int64, .int32: return try body(.integer(elements(as: Int64.self), dtype))
        case .bool: return try body(.integer(bools().map { $0 ? 1 : 0 }, .bool))
        }
    }

    private func extremeAlong(_ dimension: Int, keepdim: Bool, larger: Bool) throws -> (values: Tensor, indices: Tensor, positions: [Int]) {
        let d = try Shape.wrapDim(dimension, rank: dim)
        let split = try AxisSplit(shape: shape, dim: d)
        let kind: ExtremaReductions.Kind = larger ? .max : .min
        let (values, indices) = try extremaKernel { input -> (Tensor, [Int64]) in
            switch input {
            case .float(let v):
                let r = try ExtremaReductions.alongAxis(v, split, kind: kind, dim: d)
                return (Tensor(storage: Storage(r.values), shape: []), r.indices)
            case .double(let v):
                let r = try ExtremaReductions.alongAxis(v, split, kind: kind, dim: d)
                return (Tensor(storage: Storage(r.values), shape: []), r.indices)
            case .integer(let v, let type):
                let r = try ExtremaReductions.alongAxis(v, split, kind: kind, dim: d)
                let storage = type == .bool ? Storage(r.values.map { $0 != 0 }) : Storage(r.values, dtype: type)
                return (Tensor(storage: storage, shape: []), r.indices)
            }
        }
        var kept = shape
        if dim > 0 { if keepdim { kept[d] = 1 } else { kept.remove(at: d) } }
        var positions = [Int](repeating: 0, count: indices.count)
        for o in 0..<indices.count {
            positions[o] = (o / split.inner) * split.axis * split.inner + Int(indices[o]) * split.inner + o % split.inner
        }
        return (Tensor(storage: values.storage, shape: kept), Tensor(storage: Storage(indices, dtype: .int64), shape: kept), positions)
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
        let kind: ExtremaReductions.Kind = larger ? .max : .min
        let a = self
        let out: Tensor = try extremaKernel { input in
            switch input {
            case .float(let v): return Tensor(storage: Storage([try ExtremaReductions.all(v, kind: kind)]), shape: [])
            case .double(let v): return Tensor(storage: Storage([try ExtremaReductions.all(v, kind: kind)]), shape: [])
            case .integer(let v, let type):
                let best = try ExtremaReductions.all(v, kind: kind)
                return Tensor(storage: type == .bool ? Storage([best != 0]) : Storage([best], dtype: type), shape: [])
            }
        }
        let r = out.outputForBackward
        return try out.recorded(larger ? "MaxBackward1" : "MinBackward1", symbol: larger ? "max" : "min", inputs: [a], saving: [a], output: r,
                                tangent: { t in try t[0].map { try Tensor.evenShare(a, out).mul($0).sum() } }) { g in
            [try Tensor.evenShare(a, r).mul(g)]
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
        let input = try ReductionInput(self, dims: dims)
        guard input.reducedCount > 0 || Shape.count(input.resultShape) == 0 else {
            throw TorchError.index("\(larger ? "amax" : "amin")(): Expected reduction dim \(dims.first ?? 0) to have non-zero size.")
        }
        // Reduced dims last: each result is one contiguous run (the value does not depend on order).
        let kept = (0..<dim).filter { !input.dims.contains($0) }
        let lined = try untracked { try permute(kept + input.dims) }
        let split = AxisSplit(outer: Shape.count(input.resultShape), axis: input.reducedCount, inner: 1)
        let kind: ExtremaReductions.Kind = larger ? .max : .min
        let values: Tensor = try lined.extremaKernel { data in
            switch data {
            case .float(let v): return Tensor(storage: Storage(try ExtremaReductions.alongAxis(v, split, kind: kind, dim: 0).values), shape: [])
            case .double(let v): return Tensor(storage: Storage(try ExtremaReductions.alongAxis(v, split, kind: kind, dim: 0).values), shape: [])
            case .integer(let v, let type):
                let r = try ExtremaReductions.alongAxis(v, split, kind: kind, dim: 0).values
                return Tensor(storage: type == .bool ? Storage(r.map { $0 != 0 }) : Storage(r, dtype: type), shape: [])
            }
        }
        let out = Tensor(storage: values.storage, shape: keepdim ? input.keptShape : input.resultShape)
        let reducedDims = input.dims
        func share(_ out: Tensor) throws -> Tensor {
            try Tensor.evenShare(a, out.restoringReducedDims(input, keepdim: keepdim), dims: dim == 0 ? nil : reducedDims)
        }
        let r = out.outputForBackward
        return try out.recorded(larger ? "AmaxBackward0" : "AminBackward0", symbol: larger ? "amax" : "amin", inputs: [a], saving: [a], output: r,
                                tangent: { t in
                                    try t[0].map { try share(out).mul($0).sum(dims: reducedDims, keepdim: keepdim) }
                                }) { g in
            [try share(r).mul(g.restoringReducedDims(input, keepdim: keepdim))]
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

/// A tensor's elements in the type an extrema kernel compares them in.
private enum ExtremaInput {
    case float([Float])
    case double([Double])
    /// Integers and bools (as 0/1), with the dtype to give the result.
    case integer([Int64], DType)
}
