import Autograd

extension Functional {
    /// `F.embedding(input, weight, padding_idx, max_norm, norm_type,
    /// scale_grad_by_freq, sparse)`: the Python-level padding_idx check (a
    /// negative one counts from the end), then max_norm's in-place renorm of
    /// the rows the input uses, then `torch.embedding`.
    public static func embedding(_ input: Tensor, _ weight: Tensor, paddingIdx: Int? = nil, maxNorm: Double? = nil,
                                 normType: Double = 2, scaleGradByFreq: Bool = false, sparse: Bool = false) throws -> Tensor {
        let padding = try paddingIdx.map { try normalizedPaddingIndex($0, rows: weight.shape.first ?? 0) }
        guard !sparse else {
            throw TorchError.notImplemented("Litgrad has no sparse tensors: embedding with sparse=True is not supported")
        }
        if let maxNorm { try embeddingRenorm(weight, input, maxNorm: maxNorm, normType: normType) }
        return try weight.embedding(input, paddingIndex: padding, scaleGradByFrequency: scaleGradByFreq)
    }

    /// padding_idx in `[-rows, rows)`, negative ones counted from the end.
    static func normalizedPaddingIndex(_ index: Int, rows: Int) throws -> Int {
        guard index < rows && index >= -rows else {
            throw TorchError(type: "AssertionError", message: "Padding_idx must be within num_embeddings")
        }
        return index < 0 ? rows + index : index
    }

    /// `embedding_renorm_` under no_grad: each distinct row the indices use
    /// whose norm exceeds `maxNorm` is scaled by `maxNorm / (norm + 1e-7)`.
    static func embeddingRenorm(_ weight: Tensor, _ indices: Tensor, maxNorm: Double, normType: Double) throws {
        guard weight.dim == 2 else {
            throw TorchError.runtime("Expected 2-dimensional tensor, but got \(weight.dim)-dimensional tensor for argument #1 'self' (while checking arguments for embedding_renorm_)")
        }
        guard indices.dtype == .int64 || indices.dtype == .int32 else {
            let got = indices.dtype == .bool ? "CPUBoolType" : indices.dtype.legacyTypeName
            throw TorchError.runtime("Expected tensor for argument #2 'indices' to have one of the following scalar types: Long, Int; but got \(got) instead (while checking arguments for embedding_renorm_)")
        }
        try GradMode.with(enabled: false) {
            let rows = weight.shape[0]
            for k in Set(indices.int64s().map(Int.init)).sorted() {
                // `self[k]`: a negative index counts from the end (the lookup rejects it afterwards).
                guard k >= -rows && k < rows else {
                    throw TorchError.index("select(): index \(k) out of range for tensor of size \(Shape.bracketed(weight.shape)) at dimension 0")
                }
                let row = try weight.select(0, k)
                let norm = try row.norm(p: normType).scalarDouble()
                if norm > maxNorm {
                    try row.mulInPlace(Tensor.wrapped(maxNorm / (norm + 1e-7), dtype: .float64))
                }
            }
        }
    }
}
