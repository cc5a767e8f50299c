// Derivative table, embedding lookup: rows of a 2-D weight W picked by an
// integer tensor of indices of any shape.
//   y[i…, :] = W[idx[i…], :]                                  (EmbeddingBackward0)
//   ∂W: zeros, then row idx[i] += g[i] for each index in order, skipping
//       padding_idx (each scaled by 1/count(idx[i]) with scale_grad_by_freq)
//       — that backward is itself an op:              (EmbeddingDenseBackwardBackward0)
//       ∂g = ∂(∂W)[idx] with the padding_idx rows zeroed
//   forward mode: ẏ = Ẇ[idx]

extension Tensor {
    /// `torch.embedding(weight, indices, padding_idx, scale_grad_by_freq)` with
    /// self as the weight; `paddingIndex` nil is PyTorch's −1 (no padding row).
    public func embedding(_ indices: Tensor, paddingIndex: Int? = nil, scaleGradByFrequency: Bool = false) throws -> Tensor {
        guard dim == 2 else { throw TorchError.runtime("'weight' must be 2-D") }
        guard indices.dtype == .int64 || indices.dtype == .int32 else {
            let got = indices.dtype == .bool ? "CPUBoolType" : indices.dtype.legacyTypeName
            throw TorchError.runtime("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got \(got) instead (while checking arguments for embedding)")
        }
        let weight = self
        let flat = try untracked { try indices.reshape([-1]) }
        let outShape = indices.shape + [shape[1]]
        let out = try untracked { try indexSelect(0, flat).view(outShape) }
        let rows = shape[0]
        return try out.recorded("EmbeddingBackward0", symbol: "embedding", inputs: [weight], saving: [indices],
                                tangent: { t in
            try t[0].map { try $0.embedding(indices, paddingIndex: paddingIndex, scaleGradByFrequency: scaleGradByFrequency) }
        }) { g in
            [try Tensor.embeddingDenseBackward(g, flat, rows: rows, paddingIndex: paddingIndex, scaleGradByFrequency: scaleGradByFrequency)]
        }
    }

    /// `embedding_dense_backward`: the weight's gradient for `grad` (shaped
    /// indices.shape + [dim]) and the flattened indices.
    static func embeddingDenseBackward(_ grad: Tensor, _ flatIndices: Tensor, rows: Int, paddingIndex: Int?,
                                       scaleGradByFrequency: Bool) throws -> Tensor {
        let columns = grad.shape.last ?? 0
        try MemoryAccounting.check(elements: rows * columns, dtype: grad.dtype)
        let indices = flatIndices.int64s().map(Int.init)
        let weightGrad: Tensor
        if grad.dtype == .float32 {
            let g = EmbeddingKernels.denseBackward(grad.elements(as: Float.self), indices, rows: rows, columns: columns,
                                                   paddingIndex: paddingIndex, scaleGradByFrequency: scaleGradByFrequency)
            weightGrad = Tensor(storage: Storage(g), shape: [rows, columns])
        } else {
            let g = EmbeddingKernels.denseBackward(grad.converted(.float64).elements(as: Double.self), indices, rows: rows, columns: columns,
                                                   paddingIndex: paddingIndex, scaleGradByFrequency: scaleGradByFrequency)
            weightGrad = Tensor(storage: Storage(g), shape: [rows, columns])
        }
        let gradShape = grad.shape
        return try weightGrad.recorded("EmbeddingDenseBackwardBackward0", symbol: "embedding_backward", inputs: [grad], saving: [flatIndices],
                                       tangent: { t in
            try t[0].map { try embeddingDenseBackward($0, flatIndices, rows: rows, paddingIndex: paddingIndex, scaleGradByFrequency: scaleGradByFrequency) }
        }) { gg in
            // `embedding_dense_double_backward`, which (as in PyTorch) ignores scale_grad_by_freq.
            var picked = try gg.indexSelect(0, flatIndices)
            if let paddingIndex {
                let padded = Tensor(storage: Storage(indices.map { $0 == paddingIndex }), shape: [indices.count, 1])
                picked = try picked.maskedFill(padded, Tensor.wrapped(0, dtype: .int64))
            }
            return [try picked.view(gradShape)]
        }
    }
}
