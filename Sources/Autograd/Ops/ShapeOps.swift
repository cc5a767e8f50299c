// Shape changes built on view/reshape/expand, plus repeat.
//   repeat(r):  ∂a = g folded into (r₀, s₀, r₁, s₁, …) and summed over the rᵢ axes (RepeatBackward0)

extension Tensor {
    /// `flatten(start_dim, end_dim)` (a reshape: ViewBackward0 when contiguous).
    public func flatten(startDim: Int = 0, endDim: Int = -1) throws -> Tensor {
        if dim == 0 { return try reshape([1]) }
        let s = try Shape.wrapDim(startDim, rank: dim), e = try Shape.wrapDim(endDim, rank: dim)
        guard s <= e else { throw TorchError.runtime("flatten() has invalid args: start_dim cannot come after end_dim") }
        if s == e { return self }
        let merged = shape[s...e].reduce(1, *)
        return try reshape(Array(shape[..<s]) + [merged] + Array(shape[(e + 1)...]))
    }

    /// `unflatten(dim, sizes)` (a view).
    public func unflatten(_ dimension: Int, _ sizes: [Int]) throws -> Tensor {
        let d = try Shape.wrapDim(dimension, rank: dim)
        guard !sizes.isEmpty else { throw TorchError.runtime("unflatten: sizes must be non-empty") }
        let inferred = try Shape.infer(sizes, count: shape[d]).map { $0 }
        if sizes.contains(-1) == false && sizes.reduce(1, *) != shape[d] {
            throw TorchError.runtime("unflatten: Provided sizes \(Shape.bracketed(sizes)) don't multiply up to the size of dim \(d) (\(shape[d])) in the input tensor")
        }
        return try view(Array(shape[..<d]) + inferred + Array(shape[(d + 1)...]))
    }

    /// `squeeze(dims)` with a tuple of dims (SqueezeBackward2).
    public func squeeze(dims: [Int]) throws -> Tensor {
        let a = self
        let wrapped = Set(try dims.map { try Shape.wrapDim($0, rank: dim) })
        let keep = (0..<dim).filter { !(wrapped.contains($0) && shape[$0] == 1) }
        let out = makeView(shape: keep.map { shape[$0] }, strides: keep.map { strides[$0] }, offset: offset)
        let outShape = out.shape
        return try out.recorded("SqueezeBackward2", symbol: "squeeze", inputs: [a],
                                tangent: { try $0[0]?.reshape(outShape) }) { g in [try g.reshape(a.shape)] }
    }

    /// `expand_as(other)`.
    public func expandAs(_ other: Tensor) throws -> Tensor { try expand(other.shape) }

    /// `view_as(other)` / `reshape_as(other)`.
    public func viewAs(_ other: Tensor) throws -> Tensor { try view(other.shape) }
    public func reshapeAs(_ other: Tensor) throws -> Tensor { try reshape(other.shape) }

    /// `repeat(r₀, r₁, …)`: tiles the tensor (a copy).
    public func `repeat`(_ repeats: [Int]) throws -> Tensor {
        guard repeats.count >= dim else {
            throw TorchError.runtime("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        }
        if let bad = repeats.first(where: { $0 < 0 }) {
            throw TorchError.runtime("Trying to create tensor with negative dimension \(bad): \(Shape.bracketed(repeats))")
        }
        let a = self
        let lead = repeats.count - dim
        let padded = [Int](repeating: 1, count: lead) + shape
        // View as (1, s₀, 1, s₁, …), expand to (r₀, s₀, r₁, s₁, …), copy, fold.
        var interleaved: [Int] = [], expanded: [Int] = [], outShape: [Int] = []
        for (r, s) in zip(repeats, padded) {
            interleaved += [1, s]
            expanded += [r, s]
            outShape.append(r * s)
        }
        let out = try untracked { try a.reshape(interleaved).expand(expanded).contiguousCopy().view(outShape) }
        let fresh = Tensor(storage: out.storage, shape: outShape)
        return try fresh.recorded("RepeatBackward0", symbol: "repeat", inputs: [a],
                                  tangent: { try $0[0]?.repeat(repeats) }) { g in
            let folded = try g.reshape(expanded)
            let sumDims = stride(from: 0, to: expanded.count, by: 2).map { $0 }
            return [try folded.sum(dims: sumDims).reshape(a.shape)]
        }
    }

    /// `a.mT`: transposes the last two dims (TransposeBackward0).
    public func matrixTranspose() throws -> Tensor {
        guard dim >= 2 else {
            throw TorchError.runtime("tensor.mT is only supported on matrices or batches of matrices. Got \(dim)-D tensor.")
        }
        return try transpose(-2, -1)
    }

    /// `flip(dims)` (FlipBackward0).
    public func flip(_ dims: [Int]) throws -> Tensor {
        let a = self
        let wrapped = Set(try dims.map { try Shape.wrapDim($0, rank: dim) })
        var strides = Shape.contiguousStrides(shape)
        var start = 0
        for d in wrapped where shape[d] > 0 {
            start += (shape[d] - 1) * strides[d]
            strides[d] = -strides[d]
        }
        let p = Shape.offsets(shape, strides: strides, base: start)
        let out = try untracked { try take(p, shape: shape, name: "FlipBackward0") }
        let list = Array(wrapped)
        return try out.recorded("FlipBackward0", symbol: "flip", inputs: [a], tangent: { try $0[0]?.flip(list) }) { g in [try g.flip(list)] }
    }
}
