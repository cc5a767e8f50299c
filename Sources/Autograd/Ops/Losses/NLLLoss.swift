// nll_loss, the fused primitive under cross_entropy (NllLossBackward0).
//   forward:  loss_i = −w[t_i] · x[i, t_i]   (0 where t_i == ignore_index)
//             mean = Σ loss_i / Σ w[t_i],  summed with PyTorch's cascade
//   ∂x[i, t_i] = −w[t_i] · g_i  (none)   or   −w[t_i] · g / total_weight  (mean)
//                −w[t_i] · g  (sum);  zero elsewhere.  No gradient for t or w.

extension Tensor {
    /// `F.nll_loss(input, target, weight, ignore_index, reduction)` for 1-D
    /// (C) and 2-D (N, C) inputs, with PyTorch's checks in PyTorch's order.
    public func nllLoss(_ target: Tensor, weight: Tensor? = nil, reduction: Reduction = .mean,
                        ignoreIndex: Int64 = -100) throws -> Tensor {
        let input = self
        guard input.dim >= 1 else { throw TorchError.value("Expected 1 or more dimensions (got \(input.dim))") }
        if input.dim != 1 {
            let targetBatch = target.dim == 0 ? 0 : target.shape[0]
            guard input.shape[0] == targetBatch else {
                throw TorchError.value("Expected input batch_size (\(input.shape[0])) to match target batch_size (\(targetBatch)).")
            }
        }
        guard target.dtype == .int64 else {
            throw TorchError.runtime("expected target dtype to be Long or Byte, but got \(target.dtype.scalarTypeName)")
        }
        guard input.dim <= 2 else {
            throw TorchError.notImplemented("nll_loss for inputs with more than 2 dimensions (NllLoss2d) is not supported")
        }
        guard target.dim <= 1 else {
            throw TorchError.runtime("0D or 1D target tensor expected, multi-target not supported")
        }
        if input.dim == 1 && target.dim == 1 && target.count != 1 {
            throw TorchError.value("For 1D input, 1D target must have size 1, but got target size: \(target.count)")
        }
        let classes = input.shape[input.dim - 1]
        if let weight, !(weight.dim == 1 && weight.count == classes) {
            throw TorchError.runtime("weight tensor should be defined either for all \(classes) classes or no classes but got weight tensor of shape: [\(weight.shape.map(String.init).joined(separator: ", "))]")
        }
        guard input.dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"nll_loss_out_frame\" not implemented for '\(input.dtype.scalarTypeName)'")
        }

        let targets = target.int64s()
        for t in targets where t != ignoreIndex && (t < 0 || t >= Int64(classes)) {
            throw TorchError.index("Target \(t) is out of bounds.")
        }
        let kernel = NllLossKernel(values: input.doubles(), classes: classes, targets: targets,
                                   weights: weight?.doubles(), ignoreIndex: ignoreIndex)
        let perSample = reduction == .none && input.dim == 2
        let out: Tensor
        let totalWeight: Double
        if perSample {
            out = try Tensor.from(kernel.perSampleLosses(), shape: [input.shape[0]], dtype: input.dtype)
            totalWeight = 0
        } else {
            let sums = input.dtype == .float32 ? kernel.reducedFloat32() : kernel.reducedFloat64()
            totalWeight = sums.totalWeight
            let value = reduction == .mean ? sums.loss / sums.totalWeight : sums.loss
            out = Tensor.scalar(input.dtype == .float32 ? Double(Float(value)) : value, dtype: input.dtype)
        }
        return out.recorded("NllLossBackward0", symbol: "NLL", inputs: [input], saving: [input]) { g in
            [try Tensor.nllLossBackward(g, inputShape: input.shape, dtype: input.dtype, kernel: kernel,
                                        reduction: reduction, perSample: perSample, totalWeight: totalWeight)]
        }
    }

    /// The gradient of nll_loss: non-zero only at each sample's target class.
    /// Recorded itself so that double backward works (it is linear in g).
    static func nllLossBackward(_ g: Tensor, inputShape: [Int], dtype: DType, kernel: NllLossKernel,
                                reduction: Reduction, perSample: Bool, totalWeight: Double) throws -> Tensor {
        let gValues = g.doubles()
        let rows = kernel.targets.count
        var grad = [Double](repeating: 0, count: Shape.count(inputShape))
        for i in 0..<rows {
            let t = kernel.targets[i]
            guard t != kernel.ignoreIndex else { continue }
            let w = kernel.weights?[Int(t)] ?? 1
            let scaled: Double
            if perSample {
                scaled = -w * gValues[i]
            } else if dtype == .float32 {
                let base = reduction == .mean ? Float(gValues[0]) / Float(totalWeight) : Float(gValues[0])
                scaled = Double(Float(w) * -base)
            } else {
                let base = reduction == .mean ? gValues[0] / totalWeight : gValues[0]
                scaled = w * -base
            }
            grad[i * kernel.classes + Int(t)] = scaled
        }
        let out = try Tensor.from(grad, shape: inputShape, dtype: dtype)
        return out.recorded("NllLossBackwardBackward0", inputs: [g]) { gg in
            [try Tensor.nllLossDoubleBackward(gg, kernel: kernel, reduction: reduction, perSample: perSample,
                                             totalWeight: totalWeight, dtype: dtype)]
        }
    }

    /// ∂(nll backward)/∂g: picks the target entries of gg with the same weights.
    static func nllLossDoubleBackward(_ gg: Tensor, kernel: NllLossKernel, reduction: Reduction, perSample: Bool,
                                      totalWeight: Double, dtype: DType) throws -> Tensor {
        let values = gg.doubles()
        var picked = [Double](repeating: 0, count: kernel.targets.count)
        for (i, t) in kernel.targets.enumerated() where t != kernel.ignoreIndex {
            picked[i] = -(kernel.weights?[Int(t)] ?? 1) * values[i * kernel.classes + Int(t)]
        }
        if perSample { return try Tensor.from(picked, shape: [picked.count], dtype: dtype) }
        var total = picked.reduce(0, +)
        if reduction == .mean { total /= totalWeight }
        return Tensor.scalar(total, dtype: dtype)
    }
}

/// The per-sample picks of nll_loss and PyTorch's cascade summation of them
/// (`nll_loss_out_frame`: partial sums in 8 levels of 16, in the input's dtype).
struct NllLossKernel {
    let values: [Double]
    let classes: Int
    let targets: [Int64]
    let weights: [Double]?
    let ignoreIndex: Int64

    func perSampleLosses() -> [Double] {
        targets.enumerated().map { i, t in
            guard t != ignoreIndex else { return 0 }
            return -values[i * classes + Int(t)] * (weights?[Int(t)] ?? 1)
        }
    }

    func reducedFloat32() -> (loss: Double, totalWeight: Double) {
        let r = cascade(Float.self)
        return (Double(r.loss), Double(r.totalWeight))
    }

    func reducedFloat64() -> (loss: Double, totalWeight: Double) { cascade(Double.self) }

    private func cascade<T: BinaryFloatingPoint>(_: T.Type) -> (loss: T, totalWeight: T) {
        if targets.isEmpty { return (0, 0) }
        let levels = 8
        let levelPower = 4   // max(4, ceil(log2(batch)) / 8) for any batch below 2^32
        let levelMask = (1 << levelPower) - 1
        var weightSums = [T](repeating: 0, count: levels)
        var lossSums = [T](repeating: 0, count: levels)
        var ignored = 0
        for (b, t) in targets.enumerated() {
            if t == ignoreIndex { ignored += 1; continue }
            let x = T(values[b * classes + Int(t)])
            if let weights {
                let w = T(weights[Int(t)])
                lossSums[0] -= x * w
                weightSums[0] += w
            } else {
                lossSums[0] -= x
            }
            for j in 0..<(levels - 1) {
                if b & (levelMask << (j * levelPower)) != 0 { break }
                weightSums[j + 1] += weightSums[j]
                lossSums[j + 1] += lossSums[j]
                weightSums[j] = 0
                lossSums[j] = 0
            }
        }
        let total: T = weights == nil ? T(targets.count - ignored) : weightSums.reduce(0, +)
        return (lossSums.reduce(0, +), total)
    }
}
