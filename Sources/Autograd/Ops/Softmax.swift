import Foundation

// Derivative table, fused softmax family (numerically stable: x − max first).
//   softmax(x, d) = y:      ∂x = y · (g − Σ_d g·y)              ẏ = y · (ṫ − Σ_d ṫ·y)
//   log_softmax(x, d) = y:  ∂x = g − exp(y) · Σ_d g             ẏ = ṫ − Σ_d ṫ·exp(y)
//   logsumexp(x, dims) = r: ∂x = g · exp(x − r)                 ṙ = Σ ṫ·exp(x − r)

extension Tensor {
    private enum SoftmaxKind { case softmax, logSoftmax }

    private func softmaxKernel(_ d: Int, _ kind: SoftmaxKind) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            let name = kind == .softmax ? "softmax_lastdim_kernel_impl" : "log_softmax_lastdim_kernel_impl"
            throw TorchError.runtime("\"\(name)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let (data, layout) = try axisReductionLayout([d])
        let out = try Tensor.zeros(shape, dtype: dtype)
        if dtype == .float32 {
            let x = data.floats()
            out.storage.f32.withUnsafeMutableBufferPointer { y in
                x.withUnsafeBufferPointer { x in
                    Tensor.softmaxRows(x, y, layout, kind == .logSoftmax, exp: expf, log: logf)
                }
            }
        } else {
            let x = data.doubles()
            out.storage.f64.withUnsafeMutableBufferPointer { y in
                x.withUnsafeBufferPointer { x in
                    Tensor.softmaxRows(x, y, layout, kind == .logSoftmax, exp: Foundation.exp, log: Foundation.log)
                }
            }
        }
        return out
    }

    private static func softmaxRows<T: BinaryFloatingPoint>(_ x: UnsafeBufferPointer<T>, _ y: UnsafeMutableBufferPointer<T>,
                                                            _ layout: AxisReductionLayout, _ logarithmic: Bool,
                                                            exp: (T) -> T, log: (T) -> T) {
        let n = layout.n, step = layout.inner
        guard n > 0 else { return }
        for o in 0..<layout.outputCount {
            let base = layout.base(o)
            var m = x[base]
            for j in 1..<n { let v = x[base + j * step]; if v > m || v.isNaN { m = v } }
            if m.isInfinite && m < 0 { m = 0 }
            var sum: T = 0
            if logarithmic {
                for j in 0..<n { sum += exp(x[base + j * step] - m) }
                let shift = m + log(sum)
                for j in 0..<n { y[base + j * step] = x[base + j * step] - shift }
            } else {
                for j in 0..<n {
                    let e = exp(x[base + j * step] - m)
                    y[base + j * step] = e
                    sum += e
                }
                let scale = 1 / sum
                for j in 0..<n { y[base + j * step] *= scale }
            }
        }
    }

    /// `softmax(dim)` (SoftmaxBackward0).
    public func softmax(dim dimension: Int) throws -> Tensor {
        let a = self
        let d = try Shape.wrapDim(dimension, rank: dim)
        let out = try softmaxKernel(d, .softmax)
        return try out.recorded("SoftmaxBackward0", symbol: "softmax", inputs: [a], saving: [out],
                                tangent: { t in try t[0].map { try out.mul($0.sub($0.mul(out).sum(dims: [d], keepdim: true))) } }) { g in
            [try out.mul(g.sub(g.mul(out).sum(dims: [d], keepdim: true)))]
        }
    }

    /// `log_softmax(dim)` (LogSoftmaxBackward0).
    public func logSoftmax(dim dimension: Int) throws -> Tensor {
        let a = self
        let d = try Shape.wrapDim(dimension, rank: dim)
        let out = try logSoftmaxKernelOutput(d)
        return try out.recorded("LogSoftmaxBackward0", symbol: "log_softmax", inputs: [a], saving: [out],
                                tangent: { t in try t[0].map { try $0.sub($0.mul(out.exp()).sum(dims: [d], keepdim: true)) } }) { g in
            [try g.sub(out.exp().mul(g.sum(dims: [d], keepdim: true)))]
        }
    }

    private func logSoftmaxKernelOutput(_ d: Int) throws -> Tensor { try softmaxKernel(d, .logSoftmax) }

    /// `logsumexp(dims, keepdim)` (LogsumexpBackward0).
    public func logsumexp(dims: [Int], keepdim: Bool = false) throws -> Tensor {
        let a = self.dtype.isFloatingPoint ? self : self.converted(.float32)
        let source = self
        let (data, layout) = try a.axisReductionLayout(dims)
        let v = data.doubles()
        var values = [Double](repeating: 0, count: layout.outputCount)
        for o in 0..<layout.outputCount {
            let base = layout.base(o)
            var m = -Double.infinity
            for j in 0..<layout.n { m = Swift.max(m, v[base + j * layout.inner]) }
            if m.isInfinite { values[o] = layout.n == 0 ? -.infinity : m; continue }
            var s = 0.0
            for j in 0..<layout.n { s += Foundation.exp(v[base + j * layout.inner] - m) }
            values[o] = m + Foundation.log(s)
        }
        let out = try Tensor.from(values, shape: keepdim ? layout.keptShape : layout.shape, dtype: a.dtype)
        let reduced = dims.isEmpty ? Array(0..<a.dim) : try dims.map { try Shape.wrapDim($0, rank: a.dim) }
        func weights() throws -> Tensor { try a.sub(out.restoringReducedDims(layout, keepdim: keepdim)).exp() }
        return try out.recorded("LogsumexpBackward0", symbol: "logsumexp", inputs: [source], saving: [source, out],
                                tangent: { t in try t[0].map { try $0.mul(weights()).sum(dims: reduced, keepdim: keepdim) } }) { g in
            [try g.restoringReducedDims(layout, keepdim: keepdim).mul(weights())]
        }
    }
}
