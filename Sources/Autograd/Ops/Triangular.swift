// Triangular parts of the last two dimensions (batched below them):
//   tril(a, k): keeps a[i, j] where j − i ≤ k, zeros the rest;  ∂a = tril(g, k)
//   triu(a, k): keeps a[i, j] where j − i ≥ k, zeros the rest;  ∂a = triu(g, k)
// Kept elements are copied, never multiplied, so −inf and NaN survive (the
// causal attention mask is built this way).

extension Tensor {
    /// `torch.tril(a, diagonal)` (TrilBackward0).
    public func tril(_ diagonal: Int = 0) throws -> Tensor {
        try triangle(lower: true, diagonal)
    }

    /// `torch.triu(a, diagonal)` (TriuBackward0).
    public func triu(_ diagonal: Int = 0) throws -> Tensor {
        try triangle(lower: false, diagonal)
    }

    private func triangle(lower: Bool, _ k: Int) throws -> Tensor {
        let name = lower ? "tril" : "triu"
        guard dim >= 2 else { throw TorchError.runtime("\(name): input tensor must have at least 2 dimensions") }
        let rows = shape[dim - 2], columns = shape[dim - 1]
        var keep = [Bool](repeating: false, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns where lower ? j - i <= k : j - i >= k { keep[i * columns + j] = true }
        }
        let mask = Tensor(storage: Storage(keep), shape: [rows, columns])
        let out = try untracked { try Tensor.where(mask, self, Tensor.zeros([], dtype: dtype)) }
        guard Tensor.recordingNeeded(self) else { return out }
        return try out.recorded(lower ? "TrilBackward0" : "TriuBackward0", symbol: name, inputs: [self],
                                tangent: { t in try t[0]?.triangle(lower: lower, k) }) { g in
            [try g.triangle(lower: lower, k)]
        }
    }
}
