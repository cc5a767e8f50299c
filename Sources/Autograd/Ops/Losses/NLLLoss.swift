// nll_loss, the fused primitive under cross_entropy (NllLossBackward0, and
// NllLoss2DBackward0 for inputs with spatial dims (N, C, d1, …)).
//   forward:  loss_k = −w[t_k] · x[k, t_k]   (0 where t_k == ignore_index)
//             mean = Σ loss_k / Σ w[t_k],  summed with PyTorch's cascade
//   ∂x[k, t_k] = −w[t_k] · g_k  (none)   or   −w[t_k] · g / total_weight  (mean)
//                −w[t_k] · g  (sum);  zero elsewhere.  No gradient for t or w.
// k runs over samples (and spatial positions); x[k, c] is the input element
// of sample k's class c.

extension Tensor {
    /// `F.nll_loss(input, target, weight, ignore_index, reduction)`, with
    /// PyTorch's checks in PyTorch's order.
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
        let spatial = input.dim > 2 ? Array(input.shape.dropFirst(2)) : []
        if input.dim > 2 {
            try Tensor.checkSpatialTarget(input: input, target: target)
        }
        guard target.dtype == .int64 else {
            throw TorchError.runtime("expected target dtype to be Long or Byte, but got \(target.dtype.scalarTypeName)")
        }
        if input.dim <= 2 {
            guard target.dim <= 1 else {
                throw TorchError.runtime("0D or 1D target tensor expected, multi-target not supported")
            }
            if input.dim == 1 && target.dim == 1 && target.count != 1 {
                throw TorchError.value("For 1D input, 1D target must have size 1, but got target size: \(target.count)")
            }
        }
        let classes = input.dim == 1 ? input.shape[0] : input.shape[1]
        if let weight, !(weight.dim == 1 && weight.count == classes) {
            throw TorchError.runtime("weight tensor should be defined either for all \(classes) classes or no classes but got weight tensor of shape: \(Shape.bracketed(weight.shape))")
        }
        guard input.dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"nll_loss_out_frame\" not implemented for '\(input.dtype.scalarTypeName)'")
        }

        let targets = target.int64s()
        for t in targets where t != ignoreIndex && (t < 0 || t >= Int64(classes)) {
            throw TorchError.index("Target \(t) is out of bounds.")
        }
        let kernel = NllLossKernel(values: input.doubles(), classes: classes, spatial: Shape.count(spatial), targets: targets,
                                   weights: weight?.doubles(), ignoreIndex: ignoreIndex)
        let perSample = reduction == .none && input.dim >= 2
        let name = input.dim > 2 ? "NllLoss2DBackward0" : "NllLossBackward0"
        // nll_loss_nd runs 3-D and 5-D+ inputs through nll_loss2d on a (N, C, 1, L)
        // view and views the unreduced result back (ViewBackward0).
        let viewedBack = perSample && input.dim > 2 && input.dim != 4
        let outShape = perSample ? (viewedBack ? [input.shape[0], 1, Shape.count(spatial)] : [input.shape[0]] + spatial) : []
        let out: Tensor
        let totalWeight: Double
        if perSample {
            out = try Tensor.from(kernel.perSampleLosses(), shape: outShape, dtype: input.dtype)
            totalWeight = 0
        } else {
            let sums = input.dtype == .float32 ? kernel.reducedFloat32() : kernel.reducedFloat64()
            totalWeight = sums.totalWeight
            let value = reduction == .mean ? sums.loss / sums.totalWeight : sums.loss
            out = Tensor.scalar(input.dtype == .float32 ? Double(Float(value)) : value, dtype: input.dtype)
        }
        // nll_loss is linear in its input, so its tangent is nll_loss of the tangent.
        let recorded = try out.recorded(name, symbol: "NLL", inputs: [input], saving: [input],
                                        tangent: { ts in try ts[0].map { try $0.nllLoss(target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex) } }) { g in
            [try Tensor.nllLossBackward(g, inputShape: input.shape, dtype: input.dtype, kernel: kernel,
                                        reduction: reduction, perSample: perSample, totalWeight: totalWeight)]
        }
        return viewedBack ? try recorded.view([input.shape[0]] + spatial) : recorded
    }

    /// nll_loss_nd's and nll_loss2d's target checks for inputs with spatial dims.
    static func checkSpatialTarget(input: Tensor, target: Tensor) throws {
        let expected = [input.shape[0]] + Array(input.shape.dropFirst(2))
        if input.dim == 4 {
            guard target.dim == 3 else {
                throw TorchError.runtime("only batches of spatial targets supported (3D tensors) but got targets of dimension: \(target.dim)")
            }
            guard target.shape == expected else {
                throw TorchError.runtime("size mismatch (got input: \(Shape.bracketed(input.shape)) , target: \(Shape.bracketed(target.shape))")
            }
        } else if target.dim == 0 || Array(target.shape.dropFirst()) != Array(input.shape.dropFirst(2)) {
            throw TorchError.runtime("Expected target size \(Shape.bracketed(expected)), got \(Shape.bracketed(target.shape))")
        }
    }

    /// The gradient of nll_loss: non-zero only at each sample's target class.
    /// Recorded itself so that double backward works (it is linear in g).
    static func nllLossBackward(_ g: Tensor, inputShape: [Int], dtype: DType, kernel: NllLossKernel,
                                reduction: Reduction, perSample: Bool, totalWeight: Double) throws -> Tensor {
        let gValues = g.doubles()
        var grad = [Double](repeating: 0, count: Shape.count(inputShape))
        for (k, t) in kernel.targets.enumerated() where t != kernel.ignoreIndex {
            let w = kernel.weights?[Int(t)] ?? 1
            let scaled: Double
            if perSample {
                scaled = dtype == .float32 ? Double(-Float(w) * Float(gValues[k])) : -w * gValues[k]
            } else if dtype == .float32 {
                let base = reduction == .mean ? Float(gValues[0]) / Float(totalWeight) : Float(gValues[0])
                scaled = Double(Float(w) * -base)
            } else {
                let base = reduction == .mean ? gValues[0] / totalWeight : gValues[0]
                scaled = w * -base
            }
            grad[kernel.offset(sample: k, target: t)] = scaled
        }
        let out = try Tensor.from(grad, shape: inputShape, dtype: dtype)
        return try out.recorded("NllLossBackwardBackward0", inputs: [g]) { gg in
            [try Tensor.nllLossDoubleBackward(gg, kernel: kernel, reduction: reduction, perSample: perSample,
                                             totalWeight: totalWeight, dtype: dtype, shape: g.shape)]
        }
    }

    /// ∂(nll backward)/∂g: picks the target entries of gg with the same weights.
    static func nllLossDoubleBackward(_ gg: Tensor, kernel: NllLossKernel, reduction: Reduction, perSample: Bool,
                                      totalWeight: Double, dtype: DType, shape: [Int]) throws -> Tensor {
        let values = gg.doubles()
        var picked = [Double](repeating: 0, count: kernel.targets.count)
        for (k, t) in kernel.targets.enumerated() where t != kernel.ignoreIndex {
            picked[k] = -(kernel.weights?[Int(t)] ?? 1) * values[kernel.offset(sample: k, target: t)]
        }
        if perSample { return try Tensor.from(picked, shape: shape, dtype: dtype) }
        var total = picked.reduce(0, +)
        if reduction == .mean { total /= totalWeight }
        return Tensor.scalar(total, dtype: dtype)
    }
}

/// The per-sample picks of nll_loss and PyTorch's cascade summation of them
/// (`nll_loss_out_frame` / `nll_loss2d_forward_out_frame`: partial sums in
/// 8 levels of 16, in the input's dtype).
struct NllLossKernel {
    let values: [Double]
    let classes: Int
    /// Positions per sample (1 without spatial dims).
    let spatial: Int
    let targets: [Int64]
    let weights: [Double]?
    let ignoreIndex: Int64

    /// Where sample k's class-t element sits in the input.
    @inline(__always)
    func offset(sample k: Int, target t: Int64) -> Int {
        (k / spatial) * classes * spatial + Int(t) * spatial + k % spatial
    }

    func perSampleLosses() -> [Double] {
        targets.enumerated().map { k, t in
            guard t != ignoreIndex else { return 0 }
            return -values[offset(sample: k, target: t)] * (weights?[Int(t)] ?? 1)
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
        let levelPower = 4   // max(4, ceil(log2(count)) / 8) for any count below 2^32
        let levelMask = (1 << levelPower) - 1
        var weightSums = [T](repeating: 0, count: levels)
        var lossSums = [T](repeating: 0, count: levels)
        var ignored = 0
        for (k, t) in targets.enumerated() {
            if t == ignoreIndex { ignored += 1; continue }
            let x = T(values[offset(sample: k, target: t)])
            if let weights {
                let w = T(weights[Int(t)])
                lossSums[0] -= x * w
                weightSums[0] += w
            } else {
                lossSums[0] -= x
            }
            for j in 0..<(levels - 1) {
                if k & (levelMask << (j * levelPower)) != 0 { break }
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
