// dtype conversion:  ∂a = g converted back to a's dtype (ToCopyBackward0).

extension Tensor {
    /// `.to(dtype)`, `.float()`, `.double()`, `.long()`: self when the dtype already matches.
    public func to(_ dtype: DType) throws -> Tensor {
        if dtype == self.dtype { return self }
        let a = self
        let out = converted(dtype)
        guard dtype.isFloatingPoint && a.dtype.isFloatingPoint else { return out }
        return try out.recorded("ToCopyBackward0", symbol: "to", inputs: [a], tangent: { try $0[0]?.to(dtype) }) { g in [try g.to(a.dtype)] }
    }
}
