// Derivative table, batch normalisation (one fused primitive on PyTorch's
// kernels, BatchNormKernels), over dim 1 of an (N, C, …) input:
//   y = (x − μ)·invstd·w + b,  with μ, invstd the batch's (training) or the
//   running statistics (evaluation)                   (NativeBatchNormBackward0)
//   training:   ∂x = (g − mean(g) − (x − μ)·mean(g·(x − μ))·invstd²)·invstd·w
//   evaluation: ∂x = g·invstd·w
//   ∂w = Σ g·(x − μ)·invstd,   ∂b = Σ g
// Its backward is not itself differentiable (no double backward through it).

extension Tensor {
    /// `torch.batch_norm(input, weight, bias, running_mean, running_var, training,
    /// momentum, eps)`. In training the running statistics (when given) move
    /// towards the batch's: `r ← (1 − momentum)·r + momentum·stat`, with the
    /// unbiased variance.
    public func batchNorm(weight: Tensor?, bias: Tensor?, runningMean: Tensor?, runningVar: Tensor?,
                          training: Bool, momentum: Double, eps: Double) throws -> Tensor {
        guard dim >= 2 else {
            throw TorchError.runtime("batch_norm expects an input of at least 2 dimensions, got \(dim)")
        }
        guard dtype.isFloatingPoint else {
            throw TorchError.runtime("\"batch_norm\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let channels = shape[1]
        for (name, t) in [("running_mean", runningMean), ("running_var", runningVar), ("weight", weight), ("bias", bias)] {
            if let t, t.count != channels {
                throw TorchError.runtime("\(name) should contain \(channels) elements not \(t.count)")
            }
        }
        if !training && (runningMean == nil || runningVar == nil) {
            throw TorchError.runtime("running_\(runningMean == nil ? "mean" : "var") must be defined in evaluation mode")
        }
        let layout = BatchNormKernels.Layout(batch: shape[0], channels: channels, image: channels == 0 || shape[0] == 0 ? 0 : count / shape[0] / channels)
        guard layout.perChannel > 0 else {
            throw TorchError.runtime("input tensor must have at least one element, but got input_sizes = [\(shape.map(String.init).joined(separator: ", "))]")
        }
        if dtype == .float32 {
            return try batchNormRecorded(Float.self, layout, weight, bias, runningMean, runningVar, training, momentum, eps)
        }
        return try batchNormRecorded(Double.self, layout, weight, bias, runningMean, runningVar, training, momentum, eps)
    }

    private func batchNormRecorded<T: KernelFloat & StorageElement>(
        _: T.Type, _ layout: BatchNormKernels.Layout, _ weight: Tensor?, _ bias: Tensor?,
        _ runningMean: Tensor?, _ runningVar: Tensor?, _ training: Bool, _ momentum: Double, _ eps: Double
    ) throws -> Tensor {
        let dt = dtype
        func values(_ t: Tensor?) -> [T]? { t.map { ($0.dtype == dt ? $0 : $0.converted(dt)).elements(as: T.self) } }
        let x = elements(as: T.self)
        let w = values(weight), b = values(bias)
        let mean: [T], invstd: [T]
        if training {
            let stats = BatchNormKernels.collectStats(x, layout)
            let n = layout.perChannel
            mean = stats.mean
            invstd = stats.varianceSum.map { s in
                let variance = Double(s / T(n))
                return variance == 0 && eps == 0 ? 0 : T(1 / (variance + eps).squareRoot())
            }
            try updateRunningStatistics(runningMean, runningVar, mean: stats.mean, varianceSum: stats.varianceSum,
                                        count: n, momentum: momentum)
        } else {
            mean = values(runningMean) ?? []
            invstd = (values(runningVar) ?? []).map { 1 / ($0 + T(eps)).squareRoot() }
        }
        let y = BatchNormKernels.transform(x, layout, mean: mean, invstd: invstd, weight: w, bias: b)
        let out = Tensor(storage: T.storage(y, dtype: dt), shape: shape)
        let input = self
        let inputs = [input] + [weight, bias].compactMap { $0 }
        return try out.recorded("NativeBatchNormBackward0", symbol: "batch_norm", inputs: inputs, saving: [input]) { g in
            // The kernel's evaluation backward takes invstd from the running variance in double.
            let backwardInvstd = training ? invstd : (values(runningVar) ?? []).map { T(1 / (Double($0) + eps).squareRoot()) }
            let dy = (g.dtype == dt ? g : g.converted(dt)).elements(as: T.self)
            let grads: (input: [T], weight: [T], bias: [T])
            if g.isContiguous {
                grads = BatchNormKernels.gradients(x, dy, layout, mean: mean, invstd: backwardInvstd, weight: w, training: training)
            } else {
                let reduced = [0] + Array(2..<Swift.max(2, g.dim))
                let sum = try untracked { try g.converted(dt).sum(dims: reduced) }.elements(as: T.self)
                grads = BatchNormKernels.stridedGradients(x, dy, layout, sum: sum, mean: mean, invstd: backwardInvstd,
                                                          weight: w, training: training)
            }
            var result: [Tensor?] = [input.requiresGrad ? Tensor(storage: T.storage(grads.input, dtype: dt), shape: input.shape) : nil]
            if let weight { result.append(weight.requiresGrad ? Tensor(storage: T.storage(grads.weight, dtype: dt), shape: weight.shape) : nil) }
            if let bias { result.append(bias.requiresGrad ? Tensor(storage: T.storage(grads.bias, dtype: dt), shape: bias.shape) : nil) }
            return InputGradients(result)
        }
    }

    /// `Normalization.cpp`'s update, in T except the variance's momentum
    /// product, which C++ promotes to double.
    private func updateRunningStatistics<T: KernelFloat & StorageElement>(
        _ runningMean: Tensor?, _ runningVar: Tensor?, mean: [T], varianceSum: [T], count n: Int, momentum: Double
    ) throws {
        let m = T(momentum)
        try GradMode.with(enabled: false) {
            if let runningMean {
                let old = runningMean.converted(dtype).elements(as: T.self)
                let new = (0..<old.count).map { m * mean[$0] + (1 - m) * old[$0] }
                try runningMean.copyInPlace(Tensor(storage: T.storage(new, dtype: dtype), shape: runningMean.shape))
            }
            if let runningVar {
                let old = runningVar.converted(dtype).elements(as: T.self)
                let new = (0..<old.count).map { c -> T in
                    let unbiased = Double(varianceSum[c] / T(n - 1))
                    return T(Double(m) * unbiased + Double((1 - m) * old[c]))
                }
                try runningVar.copyInPlace(Tensor(storage: T.storage(new, dtype: dtype), shape: runningVar.shape))
            }
        }
    }
}
