// The region a view occupies inside its base, and the two ops the
// view+in-place machinery builds gradients from:
//   asStrided(r):              the region r of self as a view;   ∂self = scatter of g into zeros
//   asStridedScatter(src, r):  self with region r replaced by src;  ∂self = g with r zeroed,  ∂src = g's region

/// A view's geometry relative to a contiguous tensor of its base's shape.
struct ViewRegion {
    let shape: [Int]
    let strides: [Int]
    let offset: Int
}

extension Tensor {
    /// Where this view lies inside `base`, in the coordinates of a contiguous copy of the base.
    func viewRegion(in base: Tensor) throws -> ViewRegion {
        guard base.isContiguous else {
            throw TorchError.runtime("in-place operations on views of non-contiguous tensors are not supported")
        }
        return ViewRegion(shape: shape, strides: strides, offset: offset - base.offset)
    }

    /// The region `r` of this contiguous tensor, as a view (AsStridedBackward0).
    func asStrided(_ r: ViewRegion) throws -> Tensor {
        let a = try contiguous()
        let out = a.makeView(shape: r.shape, strides: r.strides, offset: a.offset + r.offset)
        let baseShape = a.shape
        return try out.recorded("AsStridedBackward0", symbol: "view", inputs: [a],
                                tangent: { try $0[0]?.asStrided(r) }) { g in
            [try Tensor.zeros(baseShape, dtype: g.dtype).asStridedScatter(g, r)]
        }
    }

    /// A copy of this tensor with region `r` replaced by `src` (broadcast to the region).
    func asStridedScatter(_ src: Tensor, _ r: ViewRegion) throws -> Tensor {
        let a = self
        let out = try contiguousCopy()
        let window = out.makeView(shape: r.shape, strides: r.strides, offset: r.offset)
        try untracked { try window.assign(src) }
        return try out.recorded("AsStridedScatterBackward0", symbol: "scatter", inputs: [a, src],
                                tangent: { t in
                                    let base = try t[0] ?? Tensor.zerosLike(a)
                                    let part = try t[1] ?? Tensor.zeros(r.shape, dtype: base.dtype)
                                    return try base.asStridedScatter(part, r)
                                }) { g in
            let gc = try g.contiguous()
            return [a.requiresGrad ? try gc.asStridedScatter(Tensor.zeros([], dtype: g.dtype), r) : nil,
                    src.requiresGrad ? try gc.asStrided(r).sumToShape(src.shape) : nil]
        }
    }
}
