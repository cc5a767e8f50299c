import Foundation

// Binary cross entropy, on probabilities and on logits, as fused primitives
// with PyTorch's kernels (Loss.cpp), in the input's dtype:
//   bce:          ℓ = (y − 1)·max(log1p(−x), −100) − y·max(log x, −100),  ·w
//                 ∂x = g·(x − y) / max((1 − x)·x, 1e-12) · w  (/ N for mean)
//   bce_logits:   ℓ = (1 − y)·x − log_sigmoid(x)·(1 + (p − 1)·y),  ·w
//                 ∂x = ((p·y + 1 − y)·σ(x) − p·y) · g · w  (/ N for mean), p = pos_weight or 1
// Neither differentiates the target (PyTorch raises for it; here it gets none).

extension Tensor {
    /// `F.binary_cross_entropy(input, target, weight, reduction)`; the caller
    /// checks sizes (the Python-level ValueError) and expands `weight`.
    public func binaryCrossEntropy(_ target: Tensor, weight: Tensor? = nil, reduction: Reduction = .mean) throws -> Tensor {
        let x = self, y = target
        guard x.dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"binary_cross_entropy\" not implemented for '\(x.dtype.scalarTypeName)'")
        }
        guard y.dtype == x.dtype else {
            throw TorchError.runtime("Found dtype \(y.dtype.scalarTypeName) but expected \(x.dtype.scalarTypeName)")
        }
        guard x.shape == y.shape else {
            throw TorchError.runtime("The size of tensor a (\(x.count)) must match the size of tensor b (\(y.count)) at non-singleton dimension 0")
        }
        let raw: Tensor
        switch x.dtype {
        case .float32:
            raw = Tensor(storage: Storage(try BinaryCrossEntropyKernel.loss(x.floats(), y.floats(), log: logf, log1p: log1pf)), shape: x.shape)
        default:
            raw = Tensor(storage: Storage(try BinaryCrossEntropyKernel.loss(x.doubles(), y.doubles(), log: Foundation.log, log1p: Foundation.log1p)), shape: x.shape)
        }
        let out = try untracked { try Tensor.reduceLoss(weight.map { try raw.mul($0) } ?? raw, reduction) }
        let localGradient = { (g: Tensor) throws -> Tensor in
            try Tensor.binaryCrossEntropyBackward(g, x, y, weight: weight, reduction: reduction)
        }
        return try out.recorded("BinaryCrossEntropyBackward0", symbol: "BCE", inputs: [x], saving: [x, y],
                                tangent: { ts in try ts[0].map { try Tensor.lossTangent(localGradient, $0, reduction) } }) { g in
            [try localGradient(g)]
        }
    }

    /// `binary_cross_entropy_backward(g, x, y)`: the kernel's values, recorded as
    /// an op of its own (BinaryCrossEntropyBackwardBackward0) when g or x need
    /// gradients, with PyTorch's double-backward formulas (eps = 1e-12):
    ///   ∂g = Σ gg·(x − y) / ((x + eps)(1 − x + eps)) · w   (/ N for mean; unreduced: no Σ)
    ///   ∂x = gg·g · (x² − 2xy + y) / ((x + eps)² (1 − x + eps)²) · w   (/ N for mean)
    static func binaryCrossEntropyBackward(_ g: Tensor, _ x: Tensor, _ y: Tensor, weight: Tensor?,
                                           reduction: Reduction) throws -> Tensor {
        let n = x.count
        let out: Tensor = try untracked {
            let expanded = try g.expand(x.shape)
            var grad: Tensor
            switch x.dtype {
            case .float32:
                grad = Tensor(storage: Storage(BinaryCrossEntropyKernel.gradient(expanded.floats(), x.floats(), y.floats())), shape: x.shape)
            default:
                grad = Tensor(storage: Storage(BinaryCrossEntropyKernel.gradient(expanded.doubles(), x.doubles(), y.doubles())), shape: x.shape)
            }
            if let weight { grad = try grad.mul(weight) }
            if reduction == .mean { grad = try grad.div(Tensor.wrapped(Double(n), dtype: .int64)) }
            return grad
        }
        guard recordingNeeded(g, x) else { return out }
        let eps = Tensor.wrapped(1e-12, dtype: .float64), one = Tensor.wrapped(1, dtype: .int64)
        let scaled = { (t: Tensor) throws -> Tensor in
            var t = t
            if let weight { t = try t.mul(weight) }
            return reduction == .mean ? try t.div(Tensor.wrapped(Double(n), dtype: .int64)) : t
        }
        let gradOutputRule = { (gg: Tensor) throws -> Tensor in
            let ratio = try x.sub(y).div(x.add(eps).mul(x.rsub(one).add(eps)))
            let local = try scaled(ratio.mul(gg))
            return reduction == .none ? local : try local.sum()
        }
        let inputRule = { (gg: Tensor) throws -> Tensor in
            let numerator = try x.mul(x).sub(x.mul(y).mul(Tensor.wrapped(2, dtype: .int64))).add(y)
            let denominator = try x.add(eps).pow(2).mul(x.rsub(one).add(eps).pow(2))
            return try scaled(numerator.div(denominator).mul(gg.mul(g)))
        }
        return try out.recorded("BinaryCrossEntropyBackwardBackward0", symbol: "BCE′", inputs: [g, x], saving: [g, x, y],
                                tangent: { t in
                                    let dg = try t[0].map { try binaryCrossEntropyBackward($0, x, y, weight: weight, reduction: reduction) }
                                    return try Tangent.sum(dg, t[1].map { try inputRule($0) })
                                }) { gg in
            [try gradOutputRule(gg), try inputRule(gg)]
        }
    }

    /// `F.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)`.
    public func binaryCrossEntropyWithLogits(_ target: Tensor, weight: Tensor? = nil, posWeight: Tensor? = nil,
                                             reduction: Reduction = .mean) throws -> Tensor {
        let x = self, y = target
        guard x.dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"log_sigmoid_cpu\" not implemented for '\(x.dtype.scalarTypeName)'")
        }
        guard y.dtype.isFloatingPoint else {
            throw TorchError.runtime("result type \(x.dtype.scalarTypeName) can't be cast to the desired output type \(y.dtype.scalarTypeName)")
        }
        let out: Tensor = try untracked {
            var logSigmoid = try x.logSigmoidValues()
            if let posWeight {
                let logWeight = try posWeight.sub(Tensor.wrapped(1, dtype: .int64)).mul(y).add(Tensor.wrapped(1, dtype: .int64))
                logSigmoid = try logSigmoid.mul(logWeight)
            }
            var loss = try y.rsub(Tensor.wrapped(1, dtype: .int64)).mul(x).sub(logSigmoid)
            if let weight { loss = try loss.mul(weight) }
            return try Tensor.reduceLoss(loss, reduction)
        }
        let n = x.count
        let localGradient = { (g: Tensor) throws -> Tensor in
            var grad: Tensor
            if let posWeight {
                let t = try posWeight.mul(y)
                grad = try t.add(Tensor.wrapped(1, dtype: .int64)).sub(y).mul(x.sigmoid()).sub(t)
            } else {
                grad = try x.sigmoid().sub(y)
            }
            grad = try grad.mul(g)
            if let weight { grad = try grad.mul(weight) }
            if reduction == .mean { grad = try grad.divScalar(Double(n)) }
            return try grad.sumToShape(x.shape)
        }
        return try out.recorded("BinaryCrossEntropyWithLogitsBackward0", symbol: "BCE", inputs: [x], saving: [x, y],
                                tangent: { ts in try ts[0].map { try Tensor.lossTangent(localGradient, $0, reduction) } }) { g in
            [try localGradient(g)]
        }
    }

    /// log(sigmoid(x)) = min(x, 0) − log1p(exp(−|x|)), PyTorch's stable form (no autograd).
    func logSigmoidValues() throws -> Tensor {
        try ElementwiseKernel.unary(self,
            f32: { Swift.min($0, 0) - log1pf(expf(-Swift.abs($0))) },
            f64: { Swift.min($0, 0) - Foundation.log1p(Foundation.exp(-Swift.abs($0))) })
    }

    /// The forward-mode tangent of an elementwise loss from its backward rule:
    /// the per-element derivative (backward of ones) times the input tangent,
    /// summed unless the loss is unreduced.
    static func lossTangent(_ backward: (Tensor) throws -> Tensor, _ dx: Tensor, _ reduction: Reduction) throws -> Tensor {
        let ones = try Tensor.ones(reduction == .none ? dx.shape : [], dtype: dx.dtype)
        let local = try backward(ones).mul(dx)
        return reduction == .none ? local : try local.sum()
    }

    /// `apply_loss_reduction`: the unreduced loss, its mean or its sum.
    static func reduceLoss(_ loss: Tensor, _ reduction: Reduction) throws -> Tensor {
        switch reduction {
        case .none: return loss
        case .mean: return try loss.mean()
        case .sum: return try loss.sum()
        }
    }
}

/// The elementwise kernels of binary_cross_entropy, generic over float32 and float64.
enum BinaryCrossEntropyKernel {
    static func loss<T: BinaryFloatingPoint>(_ x: [T], _ y: [T], log: (T) -> T, log1p: (T) -> T) throws -> [T] {
        var out = [T](repeating: 0, count: x.count)
        for i in 0..<x.count {
            let xi = x[i], yi = y[i]
            guard xi >= 0 && xi <= 1 else { throw TorchError.runtime("all elements of input should be between 0 and 1") }
            guard yi >= 0 && yi <= 1 else { throw TorchError.runtime("all elements of target should be between 0 and 1") }
            let a = (yi - 1) * Swift.max(log1p(-xi), -100)
            let b = yi * Swift.max(log(xi), -100)
            out[i] = a - b
        }
        return out
    }

    static func gradient<T: BinaryFloatingPoint>(_ g: [T], _ x: [T], _ y: [T]) -> [T] {
        var out = [T](repeating: 0, count: x.count)
        for i in 0..<x.count {
            let denominator = Swift.max((1 - x[i]) * x[i], T(1e-12))
            out[i] = g[i] * (x[i] - y[i]) / denominator
        }
        return out
    }
}
