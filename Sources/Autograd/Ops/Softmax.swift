// Derivative table, softmax family. Forward and first backward run PyTorch's
// kernels (SoftmaxKernels); each backward is itself a recorded op, so double
// backward works:
//   softmax(x, d) = y:            ∂x = y · (g − Σ_d g·y)                    (SoftmaxBackward0)
//     its backward b(g, y):       ∂g = y · (gg − Σ_d gg·y),  ∂y = gg · (g − Σ_d g·y) − g · Σ_d gg·y
//   log_softmax(x, d) = y:        ∂x = g − exp(y) · Σ_d g                   (LogSoftmaxBackward0)
//     its backward b(g, y):       ∂g = gg − Σ_d gg·exp(y),  ∂y = −gg · exp(y) · Σ_d g
//   logsumexp(x, dims) = r:       ∂x = g · exp(x − r)                        ṙ = Σ ṫ·exp(x − r)
// Tangents: softmax ẏ = y · (ṫ − Σ_d ṫ·y);  log_softmax ẏ = ṫ − Σ_d ṫ·exp(y).

extension Tensor {
    private func requireSoftmaxInput(logarithmic: Bool) throws {
        guard dtype.isFloatingPoint else {
            let name = logarithmic ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl"
            throw TorchError.runtime("\"\(name)\" not implemented for '\(dtype.scalarTypeName)'")
        }
    }

    /// The kernel's forward over dim `d` (on a row-major copy when not contiguous, as PyTorch does).
    private func softmaxValues(_ d: Int, logarithmic: Bool) throws -> Tensor {
        let split = try AxisSplit(shape: shape, dim: d)
        if dtype == .float32 {
            let x = elements(as: Float.self)
            return Tensor(storage: Storage(logarithmic ? SoftmaxKernels.logSoftmax(x, split) : SoftmaxKernels.softmax(x, split)), shape: shape)
        }
        let x = elements(as: Double.self)
        return Tensor(storage: Storage(logarithmic ? SoftmaxKernels.logSoftmax(x, split) : SoftmaxKernels.softmax(x, split)), shape: shape)
    }

    /// `softmax(dim)` (SoftmaxBackward0).
    public func softmax(dim dimension: Int) throws -> Tensor {
        try requireSoftmaxInput(logarithmic: false)
        let a = self
        let d = try Shape.wrapDim(dimension, rank: dim)
        let out = try softmaxValues(d, logarithmic: false)
        let r = out.outputForBackward
        return try out.recorded("SoftmaxBackward0", symbol: "softmax", inputs: [a], output: r,
                                tangent: { t in try t[0].map { try out.mul($0.sub($0.mul(out).sum(dims: [d], keepdim: true))) } }) { g in
            [try Tensor.softmaxBackward(g, r, d, logarithmic: false)]
        }
    }

    /// `log_softmax(dim)` (LogSoftmaxBackward0).
    public func logSoftmax(dim dimension: Int) throws -> Tensor {
        try requireSoftmaxInput(logarithmic: true)
        let a = self
        let d = try Shape.wrapDim(dimension, rank: dim)
        let out = try softmaxValues(d, logarithmic: true)
        let r = out.outputForBackward
        return try out.recorded("LogSoftmaxBackward0", symbol: "log_softmax", inputs: [a], output: r,
                                tangent: { t in try t[0].map { try $0.sub($0.mul(out.exp()).sum(dims: [d], keepdim: true)) } }) { g in
            [try Tensor.softmaxBackward(g, r, d, logarithmic: true)]
        }
    }

    /// `_softmax_backward_data` / `_log_softmax_backward_data` on the kernels, recorded so
    /// a create_graph backward can differentiate it again.
    static func softmaxBackward(_ g: Tensor, _ y: Tensor, _ d: Int, logarithmic: Bool) throws -> Tensor {
        let split = try AxisSplit(shape: y.shape, dim: d)
        let grad = g.dtype == y.dtype ? g : g.converted(y.dtype)
        let out: Tensor
        if y.dtype == .float32 {
            let (gv, yv) = (grad.elements(as: Float.self), y.elements(as: Float.self))
            out = Tensor(storage: Storage(logarithmic ? SoftmaxKernels.logSoftmaxBackward(gradOutput: gv, output: yv, split)
                                                      : SoftmaxKernels.softmaxBackward(gradOutput: gv, output: yv, split)), shape: y.shape)
        } else {
            let (gv, yv) = (grad.elements(as: Double.self), y.elements(as: Double.self))
            out = Tensor(storage: Storage(logarithmic ? SoftmaxKernels.logSoftmaxBackward(gradOutput: gv, output: yv, split)
                                                      : SoftmaxKernels.softmaxBackward(gradOutput: gv, output: yv, split)), shape: y.shape)
        }
        let name = logarithmic ? "LogSoftmaxBackwardDataBackward0" : "SoftmaxBackwardDataBackward0"
        return try out.recorded(name, symbol: logarithmic ? "log_softmaxᵀ" : "softmaxᵀ", inputs: [g, y], saving: [g, y]) { gg in
            if logarithmic {
                let e = try y.exp()
                return [g.requiresGrad ? try gg.sub(gg.mul(e).sum(dims: [d], keepdim: true)) : nil,
                        y.requiresGrad ? try gg.mul(e).mul(g.sum(dims: [d], keepdim: true)).neg() : nil]
            }
            let s = try gg.mul(y).sum(dims: [d], keepdim: true)
            return [g.requiresGrad ? try y.mul(gg.sub(s)) : nil,
                    y.requiresGrad ? try gg.mul(g.sub(g.mul(y).sum(dims: [d], keepdim: true))).sub(g.mul(s)) : nil]
        }
    }

    /// `logsumexp(dims, keepdim)` (LogsumexpBackward0), computed as PyTorch composes it:
    /// m = amax (±inf replaced by 0), r = log(Σ exp(x − m)) + m, each step in the tensor's dtype.
    public func logsumexp(dims: [Int], keepdim: Bool = false) throws -> Tensor {
        let a = self.dtype.isFloatingPoint ? self : self.converted(.float32)
        let source = self
        let input = try ReductionInput(a, dims: dims)
        let out: Tensor = try untracked {
            if a.count == 0 { return try a.exp().sum(dims: dims, keepdim: keepdim).log() }
            let maxima = try a.amax(dims: dims, keepdim: true)
            let infinite = try maxima.abs().eq(Tensor.wrapped(.infinity, dtype: .float64))
            let shift = try Tensor.where(infinite, Tensor.wrapped(0, dtype: .float64), maxima)
            let total = try a.sub(shift).exp().sum(dims: dims, keepdim: keepdim)
            let r = try total.log().add(keepdim ? shift : shift.reshape(input.resultShape))
            return r
        }
        let reduced = input.dims
        func weights(_ out: Tensor) throws -> Tensor { try a.sub(out.restoringReducedDims(input, keepdim: keepdim)).exp() }
        let r = out.outputForBackward
        return try out.recorded("LogsumexpBackward0", symbol: "logsumexp", inputs: [source], saving: [source], output: r,
                                tangent: { t in try t[0].map { try $0.mul(weights(out)).sum(dims: reduced, keepdim: keepdim) } }) { g in
            [try g.restoringReducedDims(input, keepdim: keepdim).mul(weights(r))]
        }
    }
}
