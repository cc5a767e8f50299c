extension Tensor {
    /// `self += alpha · other` in place and outside autograd, for an
    /// optimizer's plain update: PyTorch's `add_(other, alpha=)` on float32,
    /// alpha rounded to float32 first and one fused multiply-add per element.
    /// Both tensors must be contiguous float32 of the same size; otherwise it
    /// changes nothing and returns false (the caller takes its general path).
    /// A one-element `other` is read without making it a storage.
    public func addScaledInPlaceUntracked(_ other: Tensor, alpha: Double) -> Bool {
        guard dtype == .float32, other.dtype == .float32, count == other.count, isContiguous, other.isContiguous else { return false }
        let scale = Float(alpha), n = count, start = offset
        if n == 1 {
            let x = other.element(other.offset, as: Float.self)
            storage.withMutableElements(as: Float.self) { y in y[start] = FusedMultiplyAdd.fused(x, scale, y[start]) }
        } else {
            other.withContiguousFloats { x in
                storage.withMutableElements(as: Float.self) { y in
                    guard let xs = x.baseAddress, let ys = y.baseAddress else { return }
                    FusedMultiplyAdd.addScaled(xs, scale: scale, into: ys + start, count: n)
                }
            }
        }
        bumpVersion()
        return true
    }
}
