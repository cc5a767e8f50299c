// gather / scatter / index_select / masked_select / masked_fill / index_fill,
// each a take or put (TakePut.swift) at positions computed here with
// PyTorch's checks and messages.

extension Tensor {
    func requireIndexDType(_ message: String, error: (String) -> TorchError = TorchError.runtime) throws {
        guard dtype == .int64 || dtype == .int32 else { throw error(message) }
    }

    /// Positions in self (contiguous) of `index` read along `dim`, as gather and scatter use them.
    private func alongDimPositions(_ d: Int, _ index: Tensor) throws -> [Int] {
        let selfStrides = Shape.contiguousStrides(shape)
        var strides = selfStrides
        if index.dim > 0 { strides[d] = 0 }
        let base = Shape.offsets(index.shape, strides: index.dim > 0 ? strides : [])
        let values = index.int64s()
        let size = dim == 0 ? 1 : shape[d]
        let step = dim == 0 ? 0 : selfStrides[d]
        var p = base
        for i in 0..<p.count {
            let v = Int(values[i])
            guard v >= 0 && v < size else {
                throw TorchError.runtime("index \(v) is out of bounds for dimension \(d) with size \(size)")
            }
            p[i] += v * step
        }
        return p
    }

    /// `torch.gather(self, dim, index)` (GatherBackward0).
    public func gather(_ dimension: Int, _ index: Tensor) throws -> Tensor {
        try index.requireIndexDType("gather(): Expected dtype int32/int64 for index")
        let d = try Shape.wrapDim(dimension, rank: dim)
        guard index.dim == dim || (Swift.max(index.dim, 1) == Swift.max(dim, 1)) else {
            throw TorchError.runtime("Index tensor must have the same number of dimensions as input tensor")
        }
        if index.dim > 0 && dim > 0 {
            for k in 0..<dim where k != d && index.shape[k] > shape[k] {
                throw TorchError.runtime("Size does not match at dimension \(k) expected index \(Shape.bracketed(index.shape)) to be no larger than self \(Shape.bracketed(shape)) apart from dimension \(d)")
            }
        }
        return try take(alongDimPositions(d, index), shape: index.shape, name: "GatherBackward0")
    }

    private func checkScatter(_ d: Int, _ index: Tensor, src: Tensor?) throws {
        try index.requireIndexDType("scatter(): Expected dtype int64 for index")
        guard index.dim == dim || (Swift.max(index.dim, 1) == Swift.max(dim, 1)) else {
            throw TorchError.runtime("Index tensor must have the same number of dimensions as self tensor")
        }
        if let src, src.dim != index.dim && src.count > 1 {
            throw TorchError.runtime("Index tensor must have the same number of dimensions as src tensor")
        }
        guard index.dim > 0 && dim > 0 else { return }
        for k in 0..<dim {
            let tooBigForSelf = k != d && index.shape[k] > shape[k]
            let tooBigForSrc = src.map { $0.dim == index.dim && index.shape[k] > $0.shape[k] } ?? false
            if tooBigForSelf || tooBigForSrc {
                let srcPart = src.map { " and to be no larger size than src \(Shape.bracketed($0.shape))" } ?? ""
                throw TorchError.runtime("Expected index \(Shape.bracketed(index.shape)) to be no larger than self \(Shape.bracketed(shape)) apart from dimension \(d)\(srcPart)")
            }
        }
    }

    /// The part of `src` that `index` covers (its leading corner), as scatter reads it.
    private func scatterSource(_ src: Tensor, _ index: Tensor) throws -> Tensor {
        if src.shape == index.shape { return src }
        var part = src
        for k in 0..<index.dim where part.shape[k] != index.shape[k] {
            part = try part.slice(k, start: 0, end: index.shape[k])
        }
        return part
    }

    /// `self.scatter(dim, index, src)` (ScatterBackward0).
    public func scatter(_ dimension: Int, _ index: Tensor, src: Tensor) throws -> Tensor {
        let d = try Shape.wrapDim(dimension, rank: dim)
        try checkScatter(d, index, src: src)
        let values = try scatterSource(src, index)
        return try put(alongDimPositions(d, index), values: values, accumulate: false, name: "ScatterBackward0", valuesShape: index.shape)
    }

    /// `self.scatter(dim, index, value)` with a number (ScatterBackward1).
    public func scatter(_ dimension: Int, _ index: Tensor, value: Double) throws -> Tensor {
        let d = try Shape.wrapDim(dimension, rank: dim)
        try checkScatter(d, index, src: nil)
        let v = Tensor.scalar(value, dtype: dtype)
        return try put(alongDimPositions(d, index), values: v, accumulate: false, name: "ScatterBackward1", valuesShape: index.shape)
    }

    /// `self.scatter_add(dim, index, src)` (ScatterAddBackward0).
    public func scatterAdd(_ dimension: Int, _ index: Tensor, src: Tensor) throws -> Tensor {
        let d = try Shape.wrapDim(dimension, rank: dim)
        try checkScatter(d, index, src: src)
        let values = try scatterSource(src, index)
        return try put(alongDimPositions(d, index), values: values, accumulate: true, name: "ScatterAddBackward0", valuesShape: index.shape)
    }

    /// Positions of whole slices `index` along dim `d` (index_select, index_fill).
    private func slicePositions(_ d: Int, _ picks: [Int]) -> (positions: [Int], shape: [Int]) {
        var outShape = shape
        if dim > 0 { outShape[d] = picks.count }
        let strides = Shape.contiguousStrides(shape)
        var walk = strides
        if dim > 0 { walk[d] = 0 }
        var p = Shape.offsets(outShape, strides: dim > 0 ? walk : [])
        if dim > 0 {
            let inner = outShape[(d + 1)...].reduce(1, *)
            for i in 0..<p.count { p[i] += picks[(i / inner) % picks.count] * strides[d] }
        }
        return (p, outShape)
    }

    /// `index_select(dim, index)` (IndexSelectBackward0).
    public func indexSelect(_ dimension: Int, _ index: Tensor) throws -> Tensor {
        guard index.dim <= 1 else { throw TorchError.index("index_select(): Index is supposed to be a vector") }
        try index.requireIndexDType("index_select(): Expected dtype int32 or int64 for index", error: TorchError.index)
        let d = try Shape.wrapDim(dimension, rank: dim)
        let size = dim == 0 ? 1 : shape[d]
        let picks = try index.int64s().map { v -> Int in
            guard v >= 0 && v < size else { throw TorchError.index("index out of range in self") }
            return Int(v)
        }
        let (p, outShape) = slicePositions(d, picks)
        return try take(p, shape: dim == 0 ? [] : outShape, name: "IndexSelectBackward0")
    }

    /// `index_fill(dim, index, value)` (IndexFillBackward0).
    public func indexFill(_ dimension: Int, _ index: Tensor, _ value: Tensor) throws -> Tensor {
        guard index.dim <= 1 else { throw TorchError.index("Index has to be a vector/scalar") }
        try index.requireIndexDType("index_fill_(): Expected dtype int64 for index", error: TorchError.index)
        guard value.dim == 0 else {
            throw TorchError.runtime("index_fill_ only supports a 0-dimensional value tensor, but got tensor with \(value.dim) dimension(s).")
        }
        let d = try Shape.wrapDim(dimension, rank: dim)
        let size = dim == 0 ? 1 : shape[d]
        let picks = try index.int64s().map { v -> Int in
            guard v >= -size && v < size else { throw TorchError.index("index \(v) is out of bounds for dimension \(d) with size \(size)") }
            return Int(v < 0 ? v + Int64(size) : v)
        }
        let p = slicePositions(d, picks).positions
        return try put(p, values: value, accumulate: false, name: "IndexFillBackward0", valuesShape: [p.count])
    }

    /// `masked_select(mask)` (MaskedSelectBackward0): the selected elements, 1-D.
    public func maskedSelect(_ mask: Tensor) throws -> Tensor {
        guard mask.dtype == .bool else {
            throw TorchError.runtime("masked_select: expected BoolTensor for mask")
        }
        let shape = try Shape.broadcast(self.shape, mask.shape)
        let maskValues = ElementwiseKernel.broadcastIndices(from: mask.shape, to: shape).map { mask.bools()[$0] }
        let selfPositions = ElementwiseKernel.broadcastIndices(from: self.shape, to: shape)
        var p: [Int] = []
        for (i, m) in maskValues.enumerated() where m { p.append(selfPositions[i]) }
        return try take(p, shape: [p.count], name: "MaskedSelectBackward0")
    }

    /// `masked_fill(mask, value)` (MaskedFillBackward0); `value` is 0-d.
    public func maskedFill(_ mask: Tensor, _ value: Tensor) throws -> Tensor {
        guard mask.dtype == .bool else {
            throw TorchError.runtime("masked_fill_ only supports boolean masks, but got mask with dtype \(MatrixProducts.dtypeName(mask.dtype))")
        }
        guard value.dim == 0 else {
            throw TorchError.runtime("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with \(value.dim) dimension(s).")
        }
        let a = self
        let v = value.isWrappedNumber ? Tensor.scalar(try value.scalarDouble(), dtype: dtype) : value.converted(dtype)
        let out = try untracked { try Tensor.where(mask, v, a).converted(a.dtype) }
        let zero = Tensor.wrapped(0, dtype: .int64)
        return try out.recorded("MaskedFillBackward0", symbol: "fill", inputs: [a, value],
                                tangent: { t in
                                    try Tensor.where(mask, t[1] ?? zero, t[0] ?? zero).to(out.dtype)
                                }) { g in
            [a.requiresGrad ? try reduceGrad(Tensor.where(mask, zero, g), to: a) : nil,
             value.requiresGrad ? try Tensor.where(mask, g, zero).sum() : nil]
        }
    }

    /// `nonzero()`: the indices of non-zero elements, int64 of shape [n, dim].
    public func nonzero() throws -> Tensor {
        let flags = bools()
        let strides = Shape.contiguousStrides(shape)
        var values: [Int64] = []
        for (i, f) in flags.enumerated() where f {
            var rest = i
            for d in 0..<dim {
                values.append(Int64(rest / strides[d]))
                rest %= strides[d]
            }
        }
        let n = flags.reduce(0) { $0 + ($1 ? 1 : 0) }
        return Tensor(storage: Storage(values, dtype: .int64), shape: [n, dim])
    }
}
