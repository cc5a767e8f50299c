import Autograd

/// `torch.nn.utils`: gradient clipping as PyTorch 2.x does it, without
/// recording history.
public enum NNUtils {
    /// `clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False)`:
    /// the norm of the per-gradient norms; every gradient is scaled by
    /// `min(max_norm / (total + 1e-6), 1)` (computed as `reciprocal · max_norm`,
    /// as Python's `float / Tensor` is). Returns the total norm.
    @discardableResult
    public static func clipGradNorm(_ parameters: [Tensor], maxNorm: Double, normType: Double = 2,
                                    errorIfNonfinite: Bool = false) throws -> Tensor {
        let grads = parameters.compactMap(\.grad)
        guard !grads.isEmpty else { return Tensor.scalar(0) }
        return try GradMode.with(enabled: false) {
            let norms = try grads.map { try $0.norm(p: normType) }
            let total = try Tensor.stack(norms).norm(p: normType)
            let value = try total.scalarDouble()
            if errorIfNonfinite && !value.isFinite {
                throw TorchError.runtime("The total norm of order \(PythonRepr.float(normType)) for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set `error_if_nonfinite=False`")
            }
            let coefficient = try total.add(Tensor.wrapped(1e-6, dtype: .float64)).reciprocal()
                .mul(Tensor.wrapped(maxNorm, dtype: .float64)).clamp(min: nil, max: 1.0)
            for g in grads { try g.mulInPlace(coefficient) }
            return total
        }
    }

    /// `clip_grad_value_(parameters, clip_value)`: clamps every gradient to ±clip_value.
    public static func clipGradValue(_ parameters: [Tensor], clipValue: Double) throws {
        try GradMode.with(enabled: false) {
            for g in parameters.compactMap(\.grad) { try g.clampInPlace(min: -clipValue, max: clipValue) }
        }
    }
}
