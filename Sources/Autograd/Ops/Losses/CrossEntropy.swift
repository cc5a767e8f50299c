import Foundation

// cross_entropy, composed as PyTorch's LossNLL.cpp composes it, so the graph
// has PyTorch's nodes:
//   class indices:       nll_loss(log_softmax(x, 1))                      NllLossBackward0
//   label smoothing:     (1 − ε)·nll + ε/C · Σ_c −log_softmax (masked)     AddBackward0 ← MulBackward1
//   class probabilities: −Σ log_softmax(x)·p / (numel / C)                 DivBackward1 (mean), NegBackward0
// The scalar products and quotient are `Tensor ⊗ Scalar` ops in C++
// (MulBackward1, DivBackward1): ∂a = g·s and ∂a = g / s.

extension Tensor {
    /// `F.cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing)`.
    public func crossEntropy(_ target: Tensor, weight: Tensor? = nil, ignoreIndex: Int64 = -100,
                             reduction: Reduction = .mean, labelSmoothing: Double = 0) throws -> Tensor {
        let input = self
        let classDim = input.dim == 1 ? 0 : 1
        if input.shape == target.shape {
            guard target.dtype.isFloatingPoint else {
                throw TorchError.runtime("Expected floating point type for target with class probabilities, got \(target.dtype.scalarTypeName)")
            }
            guard ignoreIndex < 0 else { throw TorchError.runtime("ignore_index is not supported for floating point target") }
            return try probabilityCrossEntropy(target, weight: weight, reduction: reduction, labelSmoothing: labelSmoothing, classDim: classDim)
        }
        if labelSmoothing > 0 {
            guard labelSmoothing <= 1 else {
                throw TorchError.runtime("label_smoothing must be between 0.0 and 1.0. Got: \(Tensor.cppDouble(labelSmoothing))")
            }
            return try smoothedCrossEntropy(target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction,
                                            labelSmoothing: labelSmoothing, classDim: classDim)
        }
        guard input.dim >= 1 else { throw TorchError.value("Expected 1 or more dimensions (got 0)") }
        return try input.logSoftmax(dim: classDim).nllLoss(target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
    }

    private func probabilityCrossEntropy(_ target: Tensor, weight: Tensor?, reduction: Reduction, labelSmoothing: Double,
                                         classDim: Int) throws -> Tensor {
        let input = self
        let classes = input.dim == 0 ? 1 : input.shape[classDim]
        if let weight, !(weight.dim == 1 && weight.count == classes) {
            throw TorchError.runtime("cross_entropy: weight tensor should be defined either for all \(classes) classes or no classes but got weight tensor of shape: \(Shape.bracketed(weight.shape))")
        }
        let logProbabilities = try input.logSoftmax(dim: classDim)
        var probabilities = target
        if labelSmoothing > 0 {
            guard labelSmoothing <= 1 else {
                throw TorchError.runtime("label_smoothing must be between 0.0 and 1.0. Got: \(Tensor.cppDouble(labelSmoothing))")
            }
            probabilities = try target.scaledByScalar(1 - labelSmoothing).addScalar(labelSmoothing / Double(classes))
        }
        var product = try logProbabilities.mul(probabilities)
        if let weight {
            var shape = [Int](repeating: 1, count: input.dim)
            if input.dim > 1 { shape[1] = weight.count } else { shape = [weight.count] }
            product = try product.mul(weight.view(shape))
        }
        switch reduction {
        case .none: return try product.sum(dims: [classDim]).neg()
        case .sum: return try product.sum().neg()
        case .mean:
            let total = try product.sum().neg()
            if input.count == 0 { return try total.divScalar(.nan) }
            return try total.divScalar(Double(input.count / classes))
        }
    }

    private func smoothedCrossEntropy(_ target: Tensor, weight: Tensor?, ignoreIndex: Int64, reduction: Reduction,
                                      labelSmoothing: Double, classDim: Int) throws -> Tensor {
        let input = self
        let logProbabilities = try input.logSoftmax(dim: classDim)
        let nll = try logProbabilities.nllLoss(target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
        let classes = input.shape[classDim]
        var smooth: Tensor
        if let weight {
            var shape = [Int](repeating: 1, count: input.dim)
            shape[classDim] = weight.count
            smooth = try logProbabilities.mul(weight.view(shape)).sum(dims: [classDim]).neg()
        } else {
            smooth = try logProbabilities.sum(dims: [classDim]).neg()
        }
        let ignored = try target.eq(Tensor.wrapped(Double(ignoreIndex), dtype: .int64))
        try smooth.maskedFillInPlace(ignored, Tensor.wrapped(0, dtype: .float64))
        let reduced: Tensor
        switch reduction {
        case .none: reduced = smooth
        case .sum: reduced = try smooth.sum()
        case .mean:
            if let weight {
                let kept = try target.maskedSelect(ignored.logicalNot()).flatten()
                reduced = try smooth.sum().div(weight.gather(0, kept).sum())
            } else {
                reduced = try smooth.sum().div(ignored.logicalNot().sum())
            }
        }
        return try nll.scaledByScalar(1 - labelSmoothing).add(reduced.scaledByScalar(labelSmoothing / Double(classes)))
    }

    // a · s for a C++ Scalar s (MulBackward1):  ∂a = g · s
    func scaledByScalar(_ s: Double) throws -> Tensor {
        let a = self
        let out = try untracked { try a.mul(Tensor.wrapped(s, dtype: .float64)) }
        return try out.recorded("MulBackward1", symbol: "×", inputs: [a],
                                tangent: { ts in try ts[0].map { try $0.mul(Tensor.wrapped(s, dtype: .float64)) } }) { g in
            [try g.mul(Tensor.wrapped(s, dtype: .float64))]
        }
    }

    // a / s for a C++ Scalar s (DivBackward1):  ∂a = g / s
    func divScalar(_ s: Double) throws -> Tensor {
        let a = self
        let out = try untracked { try a.div(Tensor.wrapped(s, dtype: .float64)) }
        return try out.recorded("DivBackward1", symbol: "÷", inputs: [a],
                                tangent: { ts in try ts[0].map { try $0.div(Tensor.wrapped(s, dtype: .float64)) } }) { g in
            [try g.div(Tensor.wrapped(s, dtype: .float64))]
        }
    }

    // a + s for a C++ Scalar s (AddBackward1):  ∂a = g
    func addScalar(_ s: Double) throws -> Tensor {
        let a = self
        let out = try untracked { try a.add(Tensor.wrapped(s, dtype: .float64)) }
        return try out.recorded("AddBackward1", symbol: "+", inputs: [a], tangent: { ts in ts[0] }) { g in [g] }
    }

    /// A double as C++'s `ostream <<` prints it in TORCH_CHECK texts (`%g`: `1.5`, `2`).
    static func cppDouble(_ x: Double) -> String { String(format: "%g", x) }
}
